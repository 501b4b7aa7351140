using ContractRegie.Core.Common;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Monitoring;
using ContractRegie.Core.Providers;

namespace ContractRegie.Data.Demo;

/// <summary>
/// A demo contract with its terms. <see cref="ProviderAgbCode"/> names its provider; the ids of the
/// contract and its provider are left 0 for whoever stores it.
/// </summary>
public sealed record DemoContract(
    Contract Contract,
    string ProviderAgbCode,
    IReadOnlyList<TariffLine> Tariffs,
    IReadOnlyList<BudgetCeiling> Budgets,
    IReadOnlyList<OutcomeAgreement> Agreements);

/// <summary>A provider's demo annual statement; <see cref="ProviderAgbCode"/> names the provider.</summary>
public sealed record DemoStatement(string ProviderAgbCode, FinancialStatement Statement);

/// <summary>A demo outcome measurement; <see cref="ContractNumber"/> names the contract.</summary>
public sealed record DemoMeasurement(string ContractNumber, OutcomeMeasurement Measurement);

/// <summary>
/// A realistic register for Almelo, the same every time for the same <c>today</c>: about 250 providers
/// (16 of them in the OZJT top 16) and 300 contracts of every kind and law, with end dates placed around
/// <c>today</c> so that decisions fall due within 1, 3, 6 and 12 months and a few contracts have run out.
/// Providers have their last annual statements (a few weak or late) and contracts their last outcome
/// measurements (some below norm, some reports missing), so every monitoring job finds something.
/// </summary>
public sealed record DemoRegister(
    IReadOnlyList<Provider> Providers,
    IReadOnlyList<DemoContract> Contracts,
    IReadOnlyList<DemoStatement> Statements,
    IReadOnlyList<DemoMeasurement> Measurements)
{
    public const int ProviderCount = 250;
    public const int OzjtTop16Count = 16;
    /// <summary>Every provider has a contract; this many providers have a second one.</summary>
    public const int SecondContractCount = 50;

    public static DemoRegister Generate(DateOnly today) => new DemoGenerator(today).Generate();
}

/// <summary>Builds a <see cref="DemoRegister"/> from one seeded random sequence; consume it in a fixed order only.</summary>
internal sealed class DemoGenerator(DateOnly today)
{
    private const int Seed = 20190101; // the start of the Almelo / Hof van Twente framework agreement

    /// <summary>Where the date a contract steers on (decision deadline, or end when no option remains) falls, in months from today.</summary>
    private static readonly (int Weight, int FromMonth, int ToMonth)[] KeyDateSpread =
    [
        (4, -4, -1),  // run out already, nobody decided
        (6, 0, 0),    // within a month
        (9, 1, 2),    // within three months
        (12, 3, 5),   // within six months
        (18, 6, 11),  // within a year
        (51, 12, 36), // later
    ];

    private static readonly (ContractKind Kind, int Weight)[] OtherKindSpread =
        [(ContractKind.Lokaal, 82), (ContractKind.Maatwerk, 13), (ContractKind.Landelijk, 5)];

    private static readonly int[] NoticePeriods = [3, 6, 6, 6, 9, 12];

    private readonly Random _random = new(Seed);
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedCodes = new(StringComparer.Ordinal);
    private int _contractSequence;

    public DemoRegister Generate()
    {
        var providers = Enumerable.Range(0, DemoRegister.ProviderCount)
            .Select(index => NewProvider(ozjtTop16: index < DemoRegister.OzjtTop16Count))
            .ToList();
        var contracts = providers.Select(p => NewContract(p, PrimaryKind(p))).ToList();
        for (var i = 0; i < DemoRegister.SecondContractCount; i++)
        {
            contracts.Add(NewContract(Pick(providers), ContractKind.Lokaal));
        }
        // Drawn after the register, so adding them left the providers and contracts as they were.
        var statements = providers.SelectMany(Statements).ToList();
        var measurements = contracts.Where(c => c.Contract.Status == ContractStatus.Actief).SelectMany(Measurements).ToList();
        return new DemoRegister(providers, contracts, statements, measurements);
    }

    /// <summary>
    /// The statements of the last two years that are due: mostly healthy, about one in ten weak, a few with a
    /// qualified opinion or a going-concern note, and a few providers that did not file the latest one.
    /// </summary>
    private IEnumerable<DemoStatement> Statements(Provider provider)
    {
        var latest = today >= FinancialStatement.DueFor(today.Year - 1) ? today.Year - 1 : today.Year - 2;
        var filesLatest = _random.Next(100) >= 4;
        var weak = _random.Next(100) < 10;
        var revenue = Money.FromEuros(Between(provider.OzjtTop16 ? 15_000_000m : 400_000m, provider.OzjtTop16 ? 60_000_000m : 12_000_000m));
        for (var year = latest - 1; year <= latest && (year < latest || filesLatest); year++)
        {
            var totalAssets = revenue * _random.Next(35, 70) / 100;
            var equity = totalAssets * (weak ? _random.Next(-5, 12) : _random.Next(18, 55)) / 100;
            var currentAssets = totalAssets * _random.Next(45, 80) / 100;
            var qualified = _random.Next(100) < 6;
            yield return new DemoStatement(provider.AgbCode, new FinancialStatement
            {
                Year = year,
                RevenueCents = revenue,
                ResultCents = revenue * (weak ? _random.Next(-60, 10) : _random.Next(5, 60)) / 1000,
                EquityCents = equity,
                TotalAssetsCents = totalAssets,
                CurrentAssetsCents = currentAssets,
                // Short-term debt is part of all debt (total assets minus equity), or the balance sheet cannot be.
                CurrentLiabilitiesCents = Math.Min(currentAssets * 100 / (weak ? _random.Next(65, 110) : _random.Next(100, 250)), totalAssets - equity),
                MunicipalRevenueCents = revenue * _random.Next(5, 55) / 100,
                AuditorOpinion = qualified ? AuditorOpinion.MetBeperking : AuditorOpinion.Goedkeurend,
                GoingConcernNote = weak && _random.Next(100) < 20,
                FiledOn = FiledBy(FinancialStatement.DueFor(year).AddDays(_random.Next(-60, 40))),
            });
            revenue = revenue * _random.Next(95, 112) / 100;
        }
    }

    /// <summary>A filing date after today has not happened yet.</summary>
    private DateOnly? FiledBy(DateOnly filed) => filed <= today ? filed : null;

    /// <summary>
    /// For each agreement the last four periods that are due within the contract's term: most within the norm, some
    /// below it, and now and then the latest report missing.
    /// </summary>
    private IEnumerable<DemoMeasurement> Measurements(DemoContract demo)
    {
        var contract = demo.Contract;
        foreach (var agreement in demo.Agreements)
        {
            var period = ReportingPeriod.LastOverdue(agreement.Frequency, today, OutcomeMonitoringRules.DefaultGraceMonths);
            var skipLatest = _random.Next(100) < 8;
            for (var i = 0; i < 4 && period.End >= contract.StartDate; i++, period = period.Previous())
            {
                if (i == 0 && skipLatest)
                {
                    continue;
                }
                // Between 25 % worse and 20 % better than the norm; about one in six misses it.
                var factor = 1m + (_random.Next(100) < 16 ? -Between(0.05m, 0.25m) : Between(0m, 0.20m));
                var value = agreement.Direction == NormDirection.AtLeast ? agreement.Norm * factor : agreement.Norm * (2 - factor);
                yield return new DemoMeasurement(contract.ContractNumber, new OutcomeMeasurement
                {
                    Indicator = agreement.Indicator,
                    Period = period.Label,
                    Value = decimal.Round(Math.Min(value, agreement.Unit == "%" ? 100m : value), 1),
                    ReportedOn = period.DueOn(OutcomeMonitoringRules.DefaultGraceMonths).AddDays(-_random.Next(0, 25)),
                    Source = agreement.Frequency == ReportingFrequency.Jaar ? "jaarverslag" : "periodieke rapportage",
                });
            }
        }
    }

    private Provider NewProvider(bool ozjtTop16)
    {
        string name, core, suffix;
        do
        {
            core = Pick(DemoCatalog.NameCores);
            suffix = ozjtTop16 ? "Twente" : Pick(DemoCatalog.NameSuffixes);
            var prefix = Pick(ozjtTop16 ? DemoCatalog.LargeProviderPrefixes : DemoCatalog.NamePrefixes);
            name = $"{prefix} {core} {suffix}".TrimEnd();
        }
        while (!_usedNames.Add(name));
        var place = PickWeighted(DemoCatalog.Places, p => p.Weight);
        return new Provider
        {
            Name = name,
            KvkNumber = NewEightDigitCode(),
            AgbCode = NewEightDigitCode(),
            Street = $"{Pick(DemoCatalog.Streets)} {_random.Next(1, 180)}",
            PostalCode = $"{_random.Next(place.FirstPostcode, place.LastPostcode + 1)} {Pick(DemoCatalog.PostcodeFirstLetters)}{Pick(DemoCatalog.PostcodeLetters)}",
            City = place.Name,
            ContactEmail = $"info@{MailDomain(core + suffix)}.nl",
            ContractManager = Pick(DemoCatalog.ContractManagers),
            OzjtTop16 = ozjtTop16,
            Active = _random.Next(100) < 97,
        };
    }

    /// <summary>Regional for the providers OZJT manages; otherwise mostly local, some one-off and a few national.</summary>
    private ContractKind PrimaryKind(Provider provider) =>
        provider.OzjtTop16
            ? ContractKind.RegionaalOzjt
            : PickWeighted(OtherKindSpread, k => k.Weight).Kind;

    private DemoContract NewContract(Provider provider, ContractKind kind)
    {
        var service = Pick(kind switch
        {
            ContractKind.RegionaalOzjt => DemoCatalog.RegionalServices,
            ContractKind.Landelijk => DemoCatalog.NationalServices,
            ContractKind.Maatwerk => DemoCatalog.CustomServices,
            _ => DemoCatalog.LocalServices,
        });
        var route = RouteFor(kind, service.Law);
        var optionDurations = OptionDurationsFor(kind);
        var noticeMonths = kind == ContractKind.Maatwerk ? 3 : Pick(NoticePeriods);
        var spread = PickWeighted(KeyDateSpread, s => s.Weight);
        var keyDate = EndOfMonth(today.AddMonths(_random.Next(spread.FromMonth, spread.ToMonth + 1)));
        var hasRunOut = spread.ToMonth < 0;
        var isNew = !hasRunOut && _random.Next(100) < 4;
        // An option must remain for a decision to fall due; a contract that ran out may have used them all.
        var exercised = optionDurations.Count == 0 || isNew ? 0 : _random.Next(0, optionDurations.Count + (hasRunOut ? 1 : 0));
        var optionRemains = exercised < optionDurations.Count;
        var currentEnd = optionRemains && !hasRunOut ? MonthArithmetic.AddMonths(keyDate, noticeMonths) : keyDate;
        var initialEnd = MonthArithmetic.AddMonths(currentEnd, -optionDurations.Take(exercised).Sum());
        // A contract running today started before it, so its term is lengthened until it did; a new one starts later.
        var termYears = TermYearsFor(kind);
        DateOnly StartFor(int years) => MonthArithmetic.AddMonths(initialEnd, -12 * years).AddDays(1);
        while (!isNew && StartFor(termYears) > today)
        {
            termYears++;
        }
        var start = StartFor(termYears);
        var municipalities = MunicipalitiesFor(kind);

        var contract = new Contract
        {
            ContractNumber = $"{NumberPrefixFor(kind)}-{start.Year}-{++_contractSequence:D4}",
            Title = $"{service.Title} – {provider.Name}",
            ProviderId = 0,
            Kind = kind,
            Law = service.Law,
            ProcurementRoute = route,
            Municipalities = municipalities,
            StartDate = start,
            InitialEndDate = initialEnd,
            ExtensionOptions = optionDurations.Select((months, i) => new ExtensionOption(i + 1, months, i < exercised)).ToList(),
            NoticePeriodMonths = noticeMonths,
            ProcurementLeadTimeMonths = LeadTimeFor(route),
            ContractOwner = DemoCatalog.ContractOwnerFor(service.Law),
            ContractManager = provider.ContractManager,
            TactischInkoper = Pick(DemoCatalog.TactischInkopers),
            // A contract past its end stays Actief: the first expiry run is what marks it Verlopen.
            Status = start > today ? ContractStatus.Concept : ContractStatus.Actief,
        };
        var maximumEnd = contract.KeyDates.MaximumEnd;
        return new DemoContract(contract, provider.AgbCode,
            Tariffs(service, start, currentEnd),
            Budgets(kind, route, municipalities, start, maximumEnd),
            kind == ContractKind.Maatwerk ? [] : AgreementsFor(service.Law));
    }

    /// <summary>One line per product per year, last year's and this year's, this year's indexed and open-ended.</summary>
    private List<TariffLine> Tariffs(DemoService service, DateOnly start, DateOnly currentEnd)
    {
        var indexation = 2.5m + _random.Next(0, 41) * 0.05m;
        var firstYear = Math.Max(start.Year, today.Year - 1);
        var lastYear = Math.Max(firstYear, Math.Min(today.Year, currentEnd.Year));
        var lines = new List<TariffLine>();
        foreach (var product in service.Products)
        {
            var euros = Between(product.MinimumEuros, product.MaximumEuros);
            for (var year = firstYear; year <= lastYear; year++)
            {
                lines.Add(new TariffLine
                {
                    ProductCategory = product.Category,
                    ProductCode = product.Code,
                    Unit = product.Unit,
                    PriceCents = Money.FromEuros(euros),
                    ValidFrom = year == firstYear && start.Year == year ? start : new DateOnly(year, 1, 1),
                    ValidTo = year < lastYear ? new DateOnly(year, 12, 31) : null,
                    IndexationPercent = indexation,
                });
                euros *= 1 + indexation / 100m;
            }
        }
        return lines;
    }

    /// <summary>
    /// Last year's, this year's and next year's ceiling within the contract's term, shared between the
    /// municipalities by population. Open house contracts often have no ceiling at all.
    /// </summary>
    private List<BudgetCeiling> Budgets(ContractKind kind, ProcurementRoute route, IReadOnlyList<string> municipalities, DateOnly start, DateOnly maximumEnd)
    {
        if (route == ProcurementRoute.OpenHouse && _random.Next(2) == 0)
        {
            return [];
        }
        var totalEuros = kind switch
        {
            ContractKind.RegionaalOzjt => Between(500_000m, 6_000_000m),
            ContractKind.Landelijk => Between(50_000m, 400_000m),
            ContractKind.Maatwerk => Between(10_000m, 90_000m),
            _ => Between(40_000m, 1_200_000m),
        };
        var populations = DemoCatalog.Twente.Where(m => municipalities.Contains(m.Code)).ToList();
        var totalPopulation = populations.Sum(m => m.Population);
        var budgets = new List<BudgetCeiling>();
        for (var year = Math.Max(start.Year, today.Year - 1); year <= Math.Min(maximumEnd.Year, today.Year + 1); year++)
        {
            var growth = (decimal)Math.Pow(1.03, year - today.Year);
            budgets.AddRange(populations.Select(m => new BudgetCeiling
            {
                Year = year,
                MunicipalityCode = m.Code,
                AmountCents = Money.FromEuros(decimal.Round(totalEuros * growth * m.Population / totalPopulation / 1000m) * 1000m),
            }));
        }
        return budgets;
    }

    /// <summary>Youth care gets the national outcome criteria as well; the other laws the common KPIs only.</summary>
    private static IReadOnlyList<OutcomeAgreement> AgreementsFor(Law law) =>
        // OutcomeAgreement.Defaults lists the three national youth-care criteria first.
        law == Law.Jeugdwet ? OutcomeAgreement.Defaults : OutcomeAgreement.Defaults.Skip(3).ToList();

    private ProcurementRoute RouteFor(ContractKind kind, Law law) => kind switch
    {
        ContractKind.RegionaalOzjt => _random.Next(10) < 6 ? ProcurementRoute.SocialeEnAndereSpecifiekeDiensten : ProcurementRoute.OpenbareProcedure,
        ContractKind.Landelijk => ProcurementRoute.BestuurlijkAanbesteden,
        ContractKind.Maatwerk => ProcurementRoute.EnkelvoudigOnderhands,
        _ when law == Law.Participatiewet => _random.Next(2) == 0 ? ProcurementRoute.OpenbareProcedure : ProcurementRoute.SocialeEnAndereSpecifiekeDiensten,
        _ => _random.Next(10) < 7 ? ProcurementRoute.OpenHouse : ProcurementRoute.SocialeEnAndereSpecifiekeDiensten,
    };

    private int LeadTimeFor(ProcurementRoute route) => route switch
    {
        ProcurementRoute.OpenHouse => _random.Next(6, 10),
        ProcurementRoute.OpenbareProcedure => _random.Next(12, 19),
        ProcurementRoute.EnkelvoudigOnderhands => 6,
        _ => _random.Next(9, 13),
    };

    private List<int> OptionDurationsFor(ContractKind kind) => kind switch
    {
        ContractKind.Maatwerk => [],
        ContractKind.Landelijk => Pick<List<int>>([[12], []]),
        ContractKind.RegionaalOzjt => Pick<List<int>>([[24, 24], [12, 12], [24]]),
        _ => Pick<List<int>>([[12, 12], [12, 12], [24], [12, 12, 12], []]),
    };

    private static int TermYearsFor(ContractKind kind) => kind switch
    {
        ContractKind.Maatwerk => 1,
        ContractKind.Landelijk => 2,
        ContractKind.RegionaalOzjt => 4,
        _ => 3,
    };

    /// <summary>Local contracts are procured with Hof van Twente; regional ones for all of Twente.</summary>
    private static List<string> MunicipalitiesFor(ContractKind kind) => kind switch
    {
        ContractKind.Lokaal => [DemoCatalog.Almelo, DemoCatalog.HofVanTwente],
        ContractKind.RegionaalOzjt => DemoCatalog.Twente.Select(m => m.Code).Order(StringComparer.Ordinal).ToList(),
        _ => [DemoCatalog.Almelo],
    };

    private static string NumberPrefixFor(ContractKind kind) => kind switch
    {
        ContractKind.RegionaalOzjt => "OZJT",
        ContractKind.Landelijk => "VNG",
        ContractKind.Maatwerk => "MW",
        _ => "ALM",
    };

    private string NewEightDigitCode()
    {
        string code;
        do
        {
            code = _random.Next(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        while (!_usedCodes.Add(code));
        return code;
    }

    private static string MailDomain(string words) =>
        new(words.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());

    private static DateOnly EndOfMonth(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));

    private decimal Between(decimal minimum, decimal maximum) =>
        decimal.Round(minimum + (maximum - minimum) * (decimal)_random.NextDouble(), 2);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private char Pick(string letters) => letters[_random.Next(letters.Length)];

    private T PickWeighted<T>(IReadOnlyList<T> items, Func<T, int> weight)
    {
        var ticket = _random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            ticket -= weight(item);
            if (ticket < 0)
            {
                return item;
            }
        }
        throw new InvalidOperationException("Weights must be positive.");
    }
}
