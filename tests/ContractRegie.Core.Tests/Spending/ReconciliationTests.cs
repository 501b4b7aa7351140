using ContractRegie.Core.Contracts;
using ContractRegie.Core.Spending;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Spending;

public sealed class ReconciliationTests
{
    private const string Agb = "12345678";

    // An OZJT contract from 1 April 2026 and a local one running all of 2026, both with provider 42 for the same product.
    private static readonly ReconciledContract Regional = Contract(1, "OZJT-2026-001", ContractKind.RegionaalOzjt, D(2026, 4, 1), D(2027, 12, 31));
    private static readonly ReconciledContract Local = Contract(2, "WMO-2021-001", ContractKind.Lokaal, D(2021, 1, 1), D(2026, 12, 31));

    private static ReconciledContract Contract(long id, string number, ContractKind kind, DateOnly start, DateOnly end) => new()
    {
        Id = id, ContractNumber = number, Kind = kind, Law = Law.Wmo, Status = ContractStatus.Actief, ContractManager = "a.bakker",
        ProviderId = 42, ProviderName = "Zorg Twente", ProviderAgbCode = Agb, StartDate = start, CurrentEnd = end,
    };

    private static TariffLine Hourly(long contractId) =>
        new() { ContractId = contractId, ProductCategory = "45", ProductCode = "45A53", Unit = TariffUnit.Uur, PriceCents = 7_250, ValidFrom = D(2026, 1, 1) };

    private static BudgetCeiling Budget(long contractId, string municipality, long cents) =>
        new() { ContractId = contractId, Year = 2026, MunicipalityCode = municipality, AmountCents = cents };

    /// <summary>
    /// On 31 July 2026 with a 30-day lag (observed up to 1 July). The regional ceilings add up to 100.000,00, shared 50/30/20
    /// over 0141, 0153 and 1735. 2 uur a week allocated to a 1735 client.
    /// </summary>
    private static ReconciliationInput Input(bool withShareKey = true) => new(
        2026, D(2026, 7, 31), 30,
        [Regional, Local],
        [Budget(1, "0141", 6_000_000), Budget(1, "0153", 4_000_000), Budget(2, "0141", 1_000_000), Budget(2, "0141", 1_000_000) with { Year = 2025 }],
        [
            new ContractSpending { ContractId = 1, MunicipalityCode = "0141", SpentCents = 1_000_000, ObservedCents = 920_000, LineCount = 10 },
            new ContractSpending
            {
                ContractId = 2, MunicipalityCode = "0141", SpentCents = 300_000, ObservedCents = 300_000, InInvestigationCents = 10_000, LineCount = 3, ExceptionCount = 1,
            },
        ],
        [
            new Allocation
            {
                MunicipalityCode = "1735", ProviderAgbCode = Agb, Law = Law.Wmo, AllocationNumber = "T1", ClientPseudonym = "p", ProductCategory = "45",
                ProductCode = "45A53", StartDate = D(2026, 1, 1), Volume = 2, Unit = SpendingUnit.Uur, Frequency = AllocationFrequency.PerWeek,
            },
        ],
        [Hourly(1), Hourly(2)],
        withShareKey
            ? [new BudgetShareKey { ContractId = 1, Shares = [new("0141", 50m), new("0153", 30m), new("1735", 20m)] }]
            : []);

    [Fact]
    public void Per_contract_each_municipality_gets_its_share_and_the_room_after_spending_and_commitments()
    {
        var rows = Reconciliation.Compute(Input(), new ReconciliationFilter(2026));

        // Regional 0141: runs 1 Apr – 31 Dec (275 days), observed 1 Apr – 1 Jul (92 days): 920.000 / 92 × 275 = 2.750.000.
        // Regional 1735: the allocation falls under the contract that started last; 1 Aug – 31 Dec is 153 days:
        // 2 × 153 / 7 = 43,714… uur × 72,50 = 3.169,29 committed, room 20.000,00 − 3.169,29 = 16.830,71.
        // Local 0141: observed 1 Jan – 1 Jul (182 days) over 365: 300.000 × 365 / 182 = 601.648,4; room 10.000 − 3.000.
        Assert.Equal(
        [
            ("OZJT-2026-001", "0141", 5_000_000L, 1_000_000L, 2_750_000L, 0L, 4_000_000L, 20.0m),
            ("OZJT-2026-001", "0153", 3_000_000L, 0L, 0L, 0L, 3_000_000L, 0.0m),
            ("OZJT-2026-001", "1735", 2_000_000L, 0L, 0L, 316_929L, 1_683_071L, 0.0m),
            ("WMO-2021-001", "0141", 1_000_000L, 300_000L, 601_648L, 0L, 700_000L, 30.0m),
        ],
        rows.Select(r => (r.ContractNumber!, r.MunicipalityCode!, r.BudgetCents!.Value, r.SpentCents, r.ProjectedCents, r.CommittedCents, r.RoomCents!.Value,
            r.ExhaustionPercent!.Value)));
        Assert.Equal((10_000L, 3, 1), (rows[3].InInvestigationCents, rows[3].LineCount, rows[3].ExceptionCount));
    }

    [Fact]
    public void Without_a_share_key_the_ceilings_stay_with_their_municipalities()
    {
        var rows = Reconciliation.Compute(Input(withShareKey: false), new ReconciliationFilter(2026, ContractId: 1));

        // No budget for 1735, so its commitment shows without room.
        Assert.Equal([("0141", 6_000_000L, (long?)5_000_000L), ("0153", 4_000_000L, 4_000_000L)],
            rows.Where(r => r.BudgetCents is not null).Select(r => (r.MunicipalityCode!, r.BudgetCents!.Value, r.RoomCents)));
        var unbudgeted = Assert.Single(rows, r => r.BudgetCents is null);
        Assert.Equal(("1735", 316_929L, (long?)null, (decimal?)null), (unbudgeted.MunicipalityCode!, unbudgeted.CommittedCents, unbudgeted.RoomCents, unbudgeted.ExhaustionPercent));
    }

    [Fact]
    public void Grouped_rows_add_up_budgets_spending_projections_and_commitments()
    {
        var perProvider = Assert.Single(Reconciliation.Compute(Input(), new ReconciliationFilter(2026, ReconciliationGrouping.Provider)));
        var perMunicipality = Reconciliation.Compute(Input(), new ReconciliationFilter(2026, ReconciliationGrouping.Municipality, MunicipalityCode: "0141"));

        // 50.000 + 30.000 + 20.000 + 10.000 = 110.000 budget; spent 13.000; projected 27.500 + 6.016,48; committed 3.169,29;
        // room 110.000 − 13.000 − 3.169,29 = 93.830,71; exhaustion 13.000 / 110.000 = 11,82 → 11,8 %.
        Assert.Equal((11_000_000L, 1_300_000L, 3_351_648L, 316_929L, (long?)9_383_071L, (decimal?)11.8m, (long?)42, (string?)null),
            (perProvider.BudgetCents!.Value, perProvider.SpentCents, perProvider.ProjectedCents, perProvider.CommittedCents, perProvider.RoomCents,
             perProvider.ExhaustionPercent, perProvider.ProviderId, perProvider.ContractNumber));
        // 0141: 50.000 + 10.000 budget, 13.000 spent.
        var row = Assert.Single(perMunicipality);
        Assert.Equal(("0141", 6_000_000L, 1_300_000L, (string?)null), (row.MunicipalityCode!, row.BudgetCents!.Value, row.SpentCents, row.Law));
    }

    [Fact]
    public void The_total_of_the_rows_is_one_position()
    {
        var rows = Reconciliation.Compute(Input(), new ReconciliationFilter(2026));

        Assert.Equal(new BudgetPosition(2026, 11_000_000, 1_300_000, 3_351_648, 11.8m, 316_929), Reconciliation.Total(rows, 2026));
    }

    [Theory]
    [InlineData(ReconciliationGrouping.Provider)]
    [InlineData(ReconciliationGrouping.Law)]
    [InlineData(ReconciliationGrouping.Municipality)]
    public void Groups_of_chunks_of_rows_regrouped_are_the_groups_of_all_the_rows(ReconciliationGrouping groupBy)
    {
        var perContract = Reconciliation.Compute(Input(), new ReconciliationFilter(2026));
        // Chunks that cut through every group: the regional contract's first two municipalities, then the rest.
        var chunks = new[] { perContract.Take(2), perContract.Skip(2) }.Select(chunk => Reconciliation.Regroup(chunk, groupBy));

        var regrouped = Reconciliation.Regroup(chunks.SelectMany(groups => groups), groupBy);

        Assert.Equal(Reconciliation.Compute(Input(), new ReconciliationFilter(2026, groupBy)), regrouped);
        Assert.True(regrouped.Count < perContract.Count);
    }

    [Fact]
    public void A_page_gathered_from_chunks_holds_only_its_rows_and_counts_and_totals_every_kept_row()
    {
        var perContract = Reconciliation.Compute(Input(), new ReconciliationFilter(2026));
        bool Spent(ReconciliationRow row) => row.SpentCents != 0;
        // Most spent first: the second page of one row is the local contract's 0141 (3.000 against the regional 0141's 10.000).
        var mostSpent = Comparer<ReconciliationRow>.Create((a, b) => b.SpentCents.CompareTo(a.SpentCents));
        var builder = new ReconciliationPageBuilder(2026, Spent, mostSpent, rowsNeeded: 2);

        builder.Add(perContract.Skip(2));
        builder.Add(perContract.Take(2));

        var page = Assert.Single(builder.From(offset: 1));
        Assert.Equal(("WMO-2021-001", "0141"), (page.ContractNumber, page.MunicipalityCode));
        Assert.Equal(2, builder.Count);
        Assert.Equal(Reconciliation.Total(perContract.Where(Spent).ToList(), 2026), builder.Totals);
        Assert.Equal(1_300_000L, builder.Totals.SpentCents);
    }
}
