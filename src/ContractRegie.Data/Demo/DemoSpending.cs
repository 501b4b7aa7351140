using System.Globalization;
using System.Text;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using ContractRegie.Data.Import;

namespace ContractRegie.Data.Demo;

/// <summary>A demo toewijzing of Almelo as the allocation CSV has it; the BSN is made up and the importer keeps only its pseudonym.</summary>
public sealed record DemoAllocation(
    string AgbCode, Law Law, string Number, string Bsn, string ProductCategory, string ProductCode, DateOnly Start, DateOnly End,
    int MonthlyVolume, SpendingUnit Unit);

/// <summary>
/// A demo spending line as the financial administration's CSV has it (the BSN in the clear until the importer pseudonymises
/// it), the contract it is meant for (null when none fits) and the exception it is meant to raise (null when it is clean).
/// </summary>
public sealed record DemoSpendingLine(SpendingLine Line, string Bsn, string? ContractNumber, SpendingExceptionKind? Exception);

/// <summary>
/// Almelo's spending on the demo register in the months of <see cref="Year"/> that have ended, and the allocations
/// behind it, the same every time for the same register and day. A third of the contracts with an Almelo budget spend,
/// per client one line a month at the tariff, at a pace between 55 % and 100 % of the budget a year;
/// <see cref="ExceededContract"/> has spent more than its year's budget and <see cref="NearlyExhaustedContract"/> about
/// 88 % of it. <see cref="LinesPerExceptionKind"/> lines of each exception kind (fewer of "delivery outside the contract
/// period" when few contracts ran out this year) give /uitgaven/uitzonderingen and /rechtmatigheid something to show.
/// </summary>
public sealed record DemoSpending(
    int Year, IReadOnlyList<DemoAllocation> Allocations, IReadOnlyList<DemoSpendingLine> Lines, string? ExceededContract, string? NearlyExhaustedContract)
{
    public const int LinesPerExceptionKind = 3;
    public const string AllocationFileName = "demo-toewijzingen.csv";
    public const string SpendingFileName = "demo-uitgaven.csv";

    public static DemoSpending Generate(DemoRegister register, DateOnly today) => new DemoSpendingGenerator(register, today).Generate();

    /// <summary>The allocations as the allocation CSV (UTF-8), for <see cref="AllocationImporter"/>.</summary>
    public Task<byte[]> AllocationCsvAsync() => CsvAsync(AllocationColumns.All, Allocations.Select(a => new object?[]
    {
        DemoCatalog.Almelo, a.AgbCode, a.Law, a.Number, a.Bsn, a.ProductCategory, a.ProductCode, a.Start, a.End, a.MonthlyVolume, a.Unit,
        MonthlyFrequencyCode, null,
    }));

    /// <summary>The lines as the financial administration's CSV (UTF-8), for <see cref="SpendingImporter"/>; a credit has a positive amount and C.</summary>
    public Task<byte[]> SpendingCsvAsync() => CsvAsync(SpendingColumns.All, Lines.Select(SpendingRow));

    private static object?[] SpendingRow(DemoSpendingLine demo)
    {
        var l = demo.Line;
        return
        [
            l.ProviderAgbCode, l.MunicipalityCode, l.Law, l.ProductCategory, l.ProductCode, l.DeliveryStart, l.DeliveryEnd, l.Volume, l.Unit,
            CsvWriter.Euros(l.AmountCents), l.DebetCredit == DebetCredit.Credit ? "C" : "D", l.DeclarationNumber, l.ProductReference,
            l.AllocationNumber, demo.Bsn,
        ];
    }

    /// <summary>"4": per maand, the iWmo/iJw frequency code (WJ757) the allocation CSV takes.</summary>
    private const string MonthlyFrequencyCode = "4";

    private static async Task<byte[]> CsvAsync(IReadOnlyList<ImportColumn> columns, IEnumerable<object?[]> rows)
    {
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(text);
        await csv.WriteRowAsync([.. columns.Select(c => c.Name)]);
        foreach (var row in rows)
        {
            await csv.WriteRowAsync(row);
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

/// <summary>Builds <see cref="DemoSpending"/> from one seeded random sequence; consume it in a fixed order only.</summary>
internal sealed class DemoSpendingGenerator(DemoRegister register, DateOnly today)
{
    private const int Seed = 20190102;
    private const int MaxClientsPerContract = 4;
    /// <summary>Another municipality of Twente, on none of the local contracts.</summary>
    private const string Enschede = "0153";

    private readonly Random _random = new(Seed);
    private readonly string[] _bsns = Bsn.FirstValid(3_000);
    private readonly List<DemoAllocation> _allocations = [];
    private readonly List<DemoSpendingLine> _lines = [];
    private int _clients;
    private int _references;

    /// <summary>The months that have ended: this year's, or in January all of last year's.</summary>
    private int Year => today.Month == 1 ? today.Year - 1 : today.Year;

    private int Months => today.Month == 1 ? 12 : today.Month - 1;

    public DemoSpending Generate()
    {
        var spendable = Spendable().ToList();
        var selected = spendable.Where((_, i) => i % 3 == 0).ToList();
        var roomy = selected.Where(s => s.Budget / 12 >= 40 * s.Demo.Tariffs.Max(t => t.PriceCents)).ToList();
        var exceeded = roomy.ElementAtOrDefault(0);
        var nearlyExhausted = roomy.ElementAtOrDefault(1);
        var plans = new List<ContractPlan>();
        foreach (var spend in selected)
        {
            var share = spend == exceeded ? 1.10m : spend == nearlyExhausted ? 0.88m : Between(0.55m, 1.00m) * Months / 12m;
            plans.Add(Plan(spend, spend.Budget * share));
        }
        var regular = plans.Where(p => p.Spend != exceeded && p.Spend != nearlyExhausted).ToList();
        AddExceptions(regular);
        AddOutsideContractPeriod();
        // In month order, so each line's allocation is checked against what was declared before it, as in a real year.
        var lines = _lines.OrderBy(l => l.Line.DeliveryStart).ToList();
        return new DemoSpending(Year, _allocations, lines, exceeded?.Demo.Contract.ContractNumber, nearlyExhausted?.Demo.Contract.ContractNumber);
    }

    /// <summary>
    /// Contracts that can spend in Almelo this year: in force with an Almelo budget, and the only contract of their provider
    /// for each of their products, so a line can match no other contract.
    /// </summary>
    private IEnumerable<SpendableContract> Spendable()
    {
        foreach (var demo in register.Contracts.Where(c => c.Contract.Status == ContractStatus.Actief && IsOnlyContractForItsProducts(c)))
        {
            var budget = demo.Budgets.Where(b => b.Year == Year && b.MunicipalityCode == DemoCatalog.Almelo).Sum(b => b.AmountCents);
            var months = MonthsInForce(demo.Contract);
            if (budget > 0 && months.Count > 0)
            {
                yield return new SpendableContract(demo, budget, months);
            }
        }
    }

    private bool IsOnlyContractForItsProducts(DemoContract demo) =>
        demo.Tariffs.All(t => !register.Contracts.Any(other => other != demo && other.ProviderAgbCode == demo.ProviderAgbCode
                                                               && other.Contract.Law == demo.Contract.Law
                                                               && other.Tariffs.Any(o => o.ProductCategory == t.ProductCategory && o.ProductCode == t.ProductCode)));

    /// <summary>The ended months of the year that lie wholly within the contract's term.</summary>
    private List<int> MonthsInForce(Contract contract) =>
        Enumerable.Range(1, Months).Where(m => new DateOnly(Year, m, 1) >= contract.StartDate && MonthEnd(m) <= contract.KeyDates.CurrentEnd).ToList();

    /// <summary>
    /// Clients enough to spend <paramref name="target"/> over the months in force at a believable volume, each with an
    /// allocation (Wmo and Jeugdwet; the Participatiewet has no 301) that leaves room for twice the monthly volume.
    /// </summary>
    private ContractPlan Plan(SpendableContract spend, decimal target)
    {
        var demo = spend.Demo;
        var products = demo.Tariffs.Select(t => (t.ProductCategory, t.ProductCode, t.Unit)).Distinct().ToList();
        var monthly = target / spend.Months.Count;
        var first = products[0];
        var clientCount = (int)Math.Clamp(Math.Round(monthly / (UnitPrice(demo, first.ProductCategory, first.ProductCode, spend.Months[0]) * TypicalVolume(first.Unit))),
            1, MaxClientsPerContract);
        var clients = new List<PlannedClient>();
        for (var c = 0; c < clientCount; c++)
        {
            var product = products[c % products.Count];
            var price = UnitPrice(demo, product.ProductCategory, product.ProductCode, spend.Months[0]);
            var volume = (int)Math.Max(1, Math.Round(monthly / clientCount / price));
            var client = new PlannedClient(NextBsn(), product.ProductCategory, product.ProductCode, Unit(product.Unit), volume,
                HasAllocations(demo.Contract.Law) ? $"T{Year % 100:D2}{_clients:D5}" : null);
            if (client.AllocationNumber is { } number)
            {
                _allocations.Add(new DemoAllocation(demo.ProviderAgbCode, demo.Contract.Law, number, client.Bsn, client.Category, client.Code,
                    new DateOnly(Year, spend.Months[0], 1), Min(new DateOnly(Year, 12, 31), demo.Contract.KeyDates.CurrentEnd), 2 * volume, client.Unit));
            }
            clients.Add(client);
        }
        var plan = new ContractPlan(spend, clients, []);
        foreach (var month in spend.Months)
        {
            foreach (var client in clients)
            {
                plan.Lines.Add(Add(demo, month, client, client.Volume, null));
            }
        }
        return plan;
    }

    /// <summary>
    /// Per exception kind a few lines, each on a contract of its own: some are extra lines, some change a first-month line
    /// of the contract's first client (index into <see cref="_lines"/> kept in the plan).
    /// </summary>
    private void AddExceptions(List<ContractPlan> plans)
    {
        var used = new HashSet<ContractPlan>();
        IEnumerable<ContractPlan> Hosts(Func<ContractPlan, bool> fits)
        {
            var found = plans.Where(p => !used.Contains(p) && fits(p)).Take(DemoSpending.LinesPerExceptionKind).ToList();
            used.UnionWith(found);
            return found;
        }
        bool Allocated(ContractPlan p) => HasAllocations(p.Law);

        foreach (var plan in Hosts(_ => true))
        {
            Change(plan, l => l with { AmountCents = l.AmountCents * 115 / 100 }, SpendingExceptionKind.AmountDeviatesFromTariff);
        }
        foreach (var plan in Hosts(p => p.Spend.Demo.Contract.Kind == ContractKind.Lokaal))
        {
            var stranger = plan.Clients[0] with { Bsn = NextBsn(), AllocationNumber = null };
            Add(plan.Spend.Demo, plan.FirstMonth, stranger, stranger.Volume, SpendingExceptionKind.MunicipalityNotCovered, Enschede);
        }
        foreach (var plan in Hosts(_ => true))
        {
            // The same client, product and month again under another invoice number: within the allocation's room, so a duplicate.
            var original = plan.Lines[0].Line;
            _lines.Add(new DemoSpendingLine(original with { DeclarationNumber = original.DeclarationNumber + "-2", ProductReference = NextReference() },
                plan.Clients[0].Bsn, plan.Number, SpendingExceptionKind.DuplicateDeclaration));
        }
        foreach (var plan in Hosts(p => p.Clients[0].Volume >= 2))
        {
            // One unit back where a whole month was declared: an amount that reverses no line.
            var credit = plan.Lines[0].Line;
            _lines.Add(new DemoSpendingLine(credit with
            {
                Volume = 1, AmountCents = PriceOf(plan.Spend.Demo, credit with { Volume = 1 }), DebetCredit = DebetCredit.Credit,
                DeclarationNumber = credit.DeclarationNumber + "-C", ProductReference = NextReference(),
            }, plan.Clients[0].Bsn, plan.Number, SpendingExceptionKind.CreditReversesNothing));
        }
        foreach (var plan in Hosts(Allocated))
        {
            var unallocated = plan.Clients[0] with { Bsn = NextBsn(), AllocationNumber = null };
            Add(plan.Spend.Demo, plan.FirstMonth, unallocated, unallocated.Volume, SpendingExceptionKind.NoAllocation);
        }
        foreach (var plan in Hosts(Allocated))
        {
            // Three months' volume in the first month, against an allocation with room for two.
            var client = plan.Clients[0];
            Change(plan, l => l with { Volume = 3 * client.Volume, AmountCents = PriceOf(plan.Spend.Demo, l with { Volume = 3 * client.Volume }) },
                SpendingExceptionKind.VolumeBeyondAllocation);
        }
        foreach (var plan in Hosts(Allocated))
        {
            Change(plan, l => l with { AllocationNumber = $"T{Year % 100:D2}99{_references % 1000:D3}" }, SpendingExceptionKind.AllocationNumberMismatch);
        }
        foreach (var plan in Hosts(_ => true))
        {
            var client = plan.Clients[0];
            _lines.Add(new DemoSpendingLine(plan.Lines[0].Line with
            {
                ProductCode = client.Category + "Z99", DeclarationNumber = plan.Lines[0].Line.DeclarationNumber + "-N", ProductReference = NextReference(),
            }, client.Bsn, null, SpendingExceptionKind.NoMatchingContract));
        }
    }

    /// <summary>The month after the end of contracts that ran out this year: delivered outside their term.</summary>
    private void AddOutsideContractPeriod()
    {
        var ranOut = register.Contracts
            .Where(c => c.Contract.Status == ContractStatus.Actief && IsOnlyContractForItsProducts(c))
            .Select(c => (Demo: c, After: c.Contract.KeyDates.CurrentEnd.AddDays(1)))
            .Where(c => c.After.Day == 1 && c.After.Year == Year && c.After.Month <= Months)
            .Take(DemoSpending.LinesPerExceptionKind);
        foreach (var (demo, after) in ranOut)
        {
            var tariff = demo.Tariffs[0];
            var client = new PlannedClient(NextBsn(), tariff.ProductCategory, tariff.ProductCode, Unit(tariff.Unit), TypicalVolume(tariff.Unit), null);
            Add(demo, after.Month, client, client.Volume, SpendingExceptionKind.DeliveryOutsideContractPeriod);
        }
    }

    private void Change(ContractPlan plan, Func<SpendingLine, SpendingLine> change, SpendingExceptionKind exception)
    {
        var first = plan.Lines[0];
        var index = _lines.IndexOf(first);
        var changed = first with { Line = change(first.Line), Exception = exception };
        _lines[index] = changed;
        plan.Lines[0] = changed;
    }

    /// <summary>A line of <paramref name="volume"/> in <paramref name="month"/> at the contract's tariff, on its invoice of that month.</summary>
    private DemoSpendingLine Add(DemoContract demo, int month, PlannedClient client, decimal volume, SpendingExceptionKind? exception,
        string municipality = DemoCatalog.Almelo)
    {
        var line = new SpendingLine
        {
            ProviderAgbCode = demo.ProviderAgbCode, MunicipalityCode = municipality, Law = demo.Contract.Law,
            ProductCategory = client.Category, ProductCode = client.Code, DeliveryStart = new DateOnly(Year, month, 1), DeliveryEnd = MonthEnd(month),
            Volume = volume, Unit = client.Unit, AmountCents = 0,
            DeclarationNumber = $"F{Year}{month:D2}{demo.Contract.ContractNumber[^4..]}", ProductReference = NextReference(), AllocationNumber = client.AllocationNumber,
        };
        var demoLine = new DemoSpendingLine(line with { AmountCents = PriceOf(demo, line) }, client.Bsn, demo.Contract.ContractNumber, exception);
        _lines.Add(demoLine);
        return demoLine;
    }

    /// <summary>
    /// What the contract's tariff asks for the line (<see cref="TariffPricing"/>, the rule the import checks with); after a
    /// contract's last tariff line, its price.
    /// </summary>
    private static long PriceOf(DemoContract demo, SpendingLine line) =>
        TariffPricing.Price(line, demo.Tariffs, out _)?.ExpectedCents
        ?? (long)(line.Volume * demo.Tariffs.Last(t => t.ProductCategory == line.ProductCategory && t.ProductCode == line.ProductCode).PriceCents);

    private decimal UnitPrice(DemoContract demo, string category, string code, int month)
    {
        var tariff = demo.Tariffs.First(t => t.ProductCategory == category && t.ProductCode == code);
        var day = new DateOnly(Year, month, 1);
        return PriceOf(demo, new SpendingLine
        {
            ProviderAgbCode = demo.ProviderAgbCode, MunicipalityCode = DemoCatalog.Almelo, Law = demo.Contract.Law, ProductCategory = category,
            ProductCode = code, DeliveryStart = day, DeliveryEnd = day, Volume = 1, Unit = Unit(tariff.Unit), AmountCents = 0, DeclarationNumber = "-",
        });
    }

    private static bool HasAllocations(Law law) => law != Law.Participatiewet;

    private static SpendingUnit Unit(TariffUnit unit) => Enum.Parse<SpendingUnit>(unit.ToString());

    /// <summary>What one client typically gets in a month.</summary>
    private static int TypicalVolume(TariffUnit unit) => unit switch
    {
        TariffUnit.Uur => 10,
        TariffUnit.Dagdeel => 8,
        TariffUnit.Etmaal => 20,
        TariffUnit.Week => 4,
        _ => 1,
    };

    private DateOnly MonthEnd(int month) => new DateOnly(Year, month, 1).AddMonths(1).AddDays(-1);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private string NextBsn() => _bsns[_clients++];

    private string NextReference() => "R" + (++_references).ToString(CultureInfo.InvariantCulture);

    private decimal Between(decimal minimum, decimal maximum) => minimum + (maximum - minimum) * (decimal)_random.NextDouble();

    private sealed record SpendableContract(DemoContract Demo, long Budget, IReadOnlyList<int> Months);

    private sealed record PlannedClient(string Bsn, string Category, string Code, SpendingUnit Unit, int Volume, string? AllocationNumber);

    private sealed record ContractPlan(SpendableContract Spend, IReadOnlyList<PlannedClient> Clients, List<DemoSpendingLine> Lines)
    {
        public Law Law => Spend.Demo.Contract.Law;
        public string Number => Spend.Demo.Contract.ContractNumber;
        public int FirstMonth => Spend.Months[0];
    }
}
