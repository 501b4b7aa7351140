using System.Data.Common;
using System.Globalization;
using ContractRegie.Core.Contracts;
using ContractRegie.Core.Providers;
using ContractRegie.Core.Spending;
using ContractRegie.Data;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Demo;
using ContractRegie.Data.Monitoring;
using ContractRegie.Data.Providers;
using ContractRegie.Data.Spending;
using Microsoft.Extensions.DependencyInjection;

namespace ContractRegie.Benchmarks.Scale;

/// <summary>
/// Writes a register of a <see cref="ScaleSize"/>, the same every time: copy <c>c</c> of the Almelo demo register belongs to
/// municipality <c>c</c> (Almelo's code replaced by its own), its provider <c>i</c> is provider slot (c × 250 + i) modulo
/// the size's providers (so the national register shares providers between municipalities), and its contract numbers start
/// with the copy number, so in number order each municipality's contracts lie together, as where numbers carry the
/// municipality. (With the copy number at the end, the 400 copies of one contract lay side by side in number order, as in
/// no register: a text search with a filter walked thousands of them to fill a page.) The register goes through the repositories (audited, key dates maintained as the app writes them),
/// one transaction per copy; the spending lines through the bulk writer the spending import uses.
/// </summary>
internal sealed class ScaleRegister(IServiceProvider services, ScaleSize size, DateOnly today, ClientPseudonym pseudonym)
{
    private readonly DemoRegister _demo = DemoRegister.Generate(today);
    private readonly Dictionary<int, long> _providerIds = [];
    private readonly List<SpendableTariff> _spendable = [];

    public async Task WriteAsync(TextWriter progress)
    {
        var database = services.GetRequiredService<Database>();
        // The demo's contractmanagers and inkopers, with their addresses, so the mail and the digest have recipients.
        await services.GetRequiredService<DemoUsers>().CreateAsync();
        for (var copy = 0; copy < size.Copies; copy++)
        {
            await database.InTransactionAsync(transaction => WriteCopyAsync(copy, transaction));
            if ((copy + 1) % 25 == 0)
            {
                await progress.WriteLineAsync($"  {copy + 1} of {size.Copies} municipalities written");
            }
        }
        await WriteSpendingAsync(database);
    }

    private async Task<int> WriteCopyAsync(int copy, DbTransaction transaction)
    {
        var municipality = size.Municipalities[copy % size.Municipalities.Count];
        var agbCodes = new Dictionary<string, (int Slot, long Id)>(StringComparer.Ordinal);
        for (var i = 0; i < _demo.Providers.Count; i++)
        {
            var slot = (copy * _demo.Providers.Count + i) % size.Providers;
            agbCodes[_demo.Providers[i].AgbCode] = (slot, await ProviderIdAsync(slot, _demo.Providers[i], transaction));
        }
        var contracts = services.GetRequiredService<ContractRepository>();
        var terms = services.GetRequiredService<ContractTermsRepository>();
        var contractIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var demo in _demo.Contracts)
        {
            var (slot, providerId) = agbCodes[demo.ProviderAgbCode];
            var contract = demo.Contract with
            {
                ContractNumber = Numbered(demo.Contract.ContractNumber, copy),
                ProviderId = providerId,
                Municipalities = demo.Contract.Municipalities.Select(m => m == DemoCatalog.Almelo ? municipality : m).Distinct().Order(StringComparer.Ordinal).ToList(),
            };
            var contractId = await contracts.InsertAsync(contract, transaction);
            contractIds[demo.Contract.ContractNumber] = contractId;
            foreach (var tariff in demo.Tariffs)
            {
                await terms.InsertTariffAsync(tariff with { ContractId = contractId }, transaction);
                _spendable.Add(new SpendableTariff(contractId, AgbCode(slot), municipality, contract.Law, tariff));
            }
            foreach (var budget in demo.Budgets)
            {
                var code = budget.MunicipalityCode == DemoCatalog.Almelo ? municipality : budget.MunicipalityCode;
                if (contract.Municipalities.Contains(code) && !demo.Budgets.Any(b => b != budget && b.Year == budget.Year && b.MunicipalityCode == code))
                {
                    await terms.InsertBudgetAsync(budget with { ContractId = contractId, MunicipalityCode = code }, transaction);
                }
            }
            foreach (var agreement in demo.Agreements)
            {
                await terms.InsertAgreementAsync(agreement with { ContractId = contractId }, transaction);
            }
        }
        var measurements = services.GetRequiredService<OutcomeMeasurementRepository>();
        foreach (var demo in _demo.Measurements)
        {
            await measurements.InsertAsync(demo.Measurement with { ContractId = contractIds[demo.ContractNumber] }, transaction);
        }
        return contractIds.Count;
    }

    /// <summary>The provider in <paramref name="slot"/>, written with its statements the first time a copy needs it.</summary>
    private async Task<long> ProviderIdAsync(int slot, Provider demo, DbTransaction transaction)
    {
        if (_providerIds.TryGetValue(slot, out var id))
        {
            return id;
        }
        var number = slot.ToString("D7", CultureInfo.InvariantCulture);
        id = await services.GetRequiredService<ProviderRepository>().InsertAsync(demo with
        {
            Name = demo.Name + " " + slot.ToString(CultureInfo.InvariantCulture), AgbCode = AgbCode(slot), KvkNumber = "3" + number,
        }, transaction);
        var statements = services.GetRequiredService<FinancialStatementRepository>();
        foreach (var statement in _demo.Statements.Where(s => s.ProviderAgbCode == demo.AgbCode))
        {
            await statements.InsertAsync(statement.Statement with { ProviderId = id }, transaction);
        }
        _providerIds[slot] = id;
        return id;
    }

    /// <summary>
    /// Line i is spent on tariff i modulo all tariffs, in month i modulo 12 of last year, by one of a thousand clients; every
    /// 50th line deviates from the tariff. Stored matched to their contract, as the import stores them, in one import.
    /// </summary>
    private async Task WriteSpendingAsync(Database database)
    {
        var bsns = Bsn.FirstValid(1_000).Select(bsn => pseudonym.For(bsn)!).ToArray();
        var year = SpendingYear(today);
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var spending = services.GetRequiredService<SpendingRepository>();
        var importId = await spending.InsertImportAsync(
            "scale-" + size.Name, SpendingSource.Csv, "scale-" + size.Name + ".csv", "benchmark", DateTimeOffset.UtcNow, transaction);
        var lastIdBefore = await spending.ReadMaxLineIdAsync(transaction);
        await using (var writer = await database.Dialect.BeginSpendingLinesAsync(transaction, importId, CancellationToken.None))
        {
            for (var i = 0; i < size.SpendingLines; i++)
            {
                var spend = _spendable[i % _spendable.Count];
                var start = new DateOnly(year, 1 + i % 12, 1);
                var volume = 1 + i % 8;
                var line = new SpendingLine
                {
                    ProviderAgbCode = spend.AgbCode, MunicipalityCode = spend.Municipality, Law = spend.Law,
                    ProductCategory = spend.Tariff.ProductCategory, ProductCode = spend.Tariff.ProductCode,
                    DeliveryStart = start, DeliveryEnd = start.AddMonths(1).AddDays(-1), Volume = volume,
                    Unit = Enum.Parse<SpendingUnit>(spend.Tariff.Unit.ToString()),
                    AmountCents = volume * spend.Tariff.PriceCents + (i % 50 == 49 ? 1_000 : 0),
                    DeclarationNumber = "S" + (i / 10).ToString(CultureInfo.InvariantCulture),
                    ProductReference = "R" + i.ToString(CultureInfo.InvariantCulture),
                    AllocationNumber = "T" + (i % bsns.Length).ToString(CultureInfo.InvariantCulture),
                    ClientPseudonym = bsns[i % bsns.Length],
                };
                await writer.AddAsync(new SpendingLineRow(i + 2, line, spend.ContractId, null), CancellationToken.None);
            }
            await writer.CompleteAsync(CancellationToken.None);
        }
        await spending.AddTotalsAsync(importId, lastIdBefore, transaction);
        await transaction.CommitAsync();
    }

    /// <summary>The generated spending falls in the year before today's: a whole year of it.</summary>
    public static int SpendingYear(DateOnly today) => today.Year - 1;

    private static string AgbCode(int slot) => "2" + slot.ToString("D7", CultureInfo.InvariantCulture);

    private static string Numbered(string number, int copy) => copy == 0 ? number : copy.ToString("D3", CultureInfo.InvariantCulture) + "-" + number;

    private sealed record SpendableTariff(long ContractId, string AgbCode, string Municipality, Law Law, TariffLine Tariff);
}
