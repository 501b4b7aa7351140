using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Spending;

/// <summary>How the reconciliation groups: per contract (and municipality), or summed per provider, law or municipality.</summary>
public enum ReconciliationGrouping { Contract, Provider, Law, Municipality }

public sealed record ReconciliationFilter(
    int Year, ReconciliationGrouping GroupBy = ReconciliationGrouping.Contract, long? ContractId = null, long? ProviderId = null,
    string? Law = null, string? MunicipalityCode = null);

/// <summary>
/// One row of the reconciliation: budget against spending for a year. Per contract the row is one municipality's
/// budget ceiling (or its part by the share key), spending and commitments; the other groupings add those rows up.
/// Keys that do not apply to the grouping are null.
/// </summary>
public sealed record ReconciliationRow
{
    public required int Year { get; init; }
    public long? ContractId { get; init; }
    public string? ContractNumber { get; init; }
    public string? ContractManager { get; init; }
    public long? ProviderId { get; init; }
    public string? ProviderName { get; init; }
    public string? Law { get; init; }
    public string? MunicipalityCode { get; init; }
    public long? BudgetCents { get; init; }
    public long SpentCents { get; init; }
    public long ProjectedCents { get; init; }
    public decimal? ExhaustionPercent { get; init; }
    /// <summary>What allocations still commit for the rest of the year (<see cref="AllocationCommitment"/>): "verplicht".</summary>
    public long CommittedCents { get; init; }
    /// <summary>Budget − spent − committed: "ruimte"; null without a budget.</summary>
    public long? RoomCents { get; init; }
    /// <summary>The part of <see cref="SpentCents"/> on lines with an open exception: "in onderzoek".</summary>
    public long InInvestigationCents { get; init; }
    public int LineCount { get; init; }
    public int ExceptionCount { get; init; }

    public BudgetPosition ToPosition() => new(Year, BudgetCents, SpentCents, ProjectedCents, ExhaustionPercent, CommittedCents);
}

/// <summary>A contract as the reconciliation needs it: who it is with, what law, and when it runs.</summary>
public sealed record ReconciledContract
{
    public long Id { get; init; }
    public string ContractNumber { get; init; } = "";
    public Law Law { get; init; }
    public ContractKind Kind { get; init; }
    public ContractStatus Status { get; init; }
    public string? ContractManager { get; init; }
    public long ProviderId { get; init; }
    public string ProviderName { get; init; } = "";
    public string ProviderAgbCode { get; init; } = "";
    public DateOnly StartDate { get; init; }
    public DateOnly CurrentEnd { get; init; }
}

/// <summary>
/// The matched spending of one contract for one municipality in the year, added up by the database: credits negative;
/// <see cref="ObservedCents"/> is the part delivered by the run-rate's observation date (<see cref="RunRate.ObservedUpTo"/>),
/// <see cref="InInvestigationCents"/> the part on lines with an exception.
/// </summary>
public sealed record ContractSpending
{
    public long ContractId { get; init; }
    public string MunicipalityCode { get; init; } = "";
    public long SpentCents { get; init; }
    public long ObservedCents { get; init; }
    public long InInvestigationCents { get; init; }
    public int LineCount { get; init; }
    public int ExceptionCount { get; init; }
}

/// <summary>
/// What the reconciliation of <see cref="Year"/> on <see cref="AsOf"/> is computed from: every contract, the year's
/// budget ceilings, spending per contract and municipality, the allocations that run after <see cref="AsOf"/>, the
/// contracts' tariffs and the OZJT share keys.
/// </summary>
public sealed record ReconciliationInput(
    int Year, DateOnly AsOf, int DeclarationLagDays,
    IReadOnlyList<ReconciledContract> Contracts, IReadOnlyList<BudgetCeiling> Budgets, IReadOnlyList<ContractSpending> Spending,
    IReadOnlyList<Allocation> Allocations, IReadOnlyList<TariffLine> Tariffs, IReadOnlyList<BudgetShareKey> ShareKeys);

/// <summary>
/// The reconciliation (DESIGN.md "Reconciliation"), one computation for the API, the pages, the exports and the nightly
/// job. The base rows are per contract and municipality: every budget ceiling (for an OZJT contract with a share key,
/// every municipality's part of the contract's ceilings), all matched spending even without a ceiling, and every
/// commitment. Each base row projects over the days its contract runs in the year (<see cref="RunRate"/>); the
/// groupings add the base rows up.
/// </summary>
public static class Reconciliation
{
    public static IReadOnlyList<ReconciliationRow> Compute(ReconciliationInput input, ReconciliationFilter filter)
    {
        var contracts = input.Contracts.ToDictionary(c => c.Id);
        var spent = input.Spending.ToDictionary(s => (s.ContractId, s.MunicipalityCode));
        var budgets = Budgets(input, contracts);
        var committed = Commitments(input, contracts);
        var rows = spent.Keys.Union(budgets.Keys).Union(committed.Keys)
            .Select(key => BaseRow(input, contracts[key.ContractId], key.MunicipalityCode, spent.GetValueOrDefault(key),
                budgets.TryGetValue(key, out var budget) ? budget : (long?)null, committed.GetValueOrDefault(key)))
            .Where(row => (filter.ContractId is null || row.Contract.Id == filter.ContractId)
                          && (filter.ProviderId is null || row.Contract.ProviderId == filter.ProviderId)
                          && (filter.Law is null || string.Equals(row.Contract.Law.ToString(), filter.Law, StringComparison.OrdinalIgnoreCase))
                          && (filter.MunicipalityCode is null || row.MunicipalityCode == filter.MunicipalityCode));
        return Regroup(rows.Select(row => Row(input.Year, row)), filter.GroupBy);
    }

    /// <summary>
    /// Rows per contract, or rows already added up per <paramref name="groupBy"/>, added up per <paramref name="groupBy"/> in
    /// <see cref="Order"/>. Sums add up in any order, so the groups of several chunks of rows, regrouped, are the groups of all
    /// the rows at once.
    /// </summary>
    public static IReadOnlyList<ReconciliationRow> Regroup(IEnumerable<ReconciliationRow> rows, ReconciliationGrouping groupBy)
    {
        var grouped = groupBy == ReconciliationGrouping.Contract
            ? rows
            : rows.GroupBy(row => groupBy switch
                {
                    ReconciliationGrouping.Provider => (object?)row.ProviderId,
                    ReconciliationGrouping.Law => row.Law,
                    _ => row.MunicipalityCode,
                })
                .Select(group => Sum(groupBy, group.ToList()));
        return grouped.Order(Order).ToList();
    }

    /// <summary>The reconciliation's own order: by contract number, provider name, law or municipality, whichever the grouping keeps.</summary>
    public static readonly IComparer<ReconciliationRow> Order = Comparer<ReconciliationRow>.Create((a, b) =>
    {
        var order = string.CompareOrdinal(a.ContractNumber ?? a.ProviderName ?? a.Law ?? a.MunicipalityCode,
            b.ContractNumber ?? b.ProviderName ?? b.Law ?? b.MunicipalityCode);
        order = order != 0 ? order : string.CompareOrdinal(a.MunicipalityCode, b.MunicipalityCode);
        // Two providers of the same name keep one order, however the rows came.
        return order != 0 ? order : Nullable.Compare(a.ProviderId, b.ProviderId);
    });

    /// <summary>Several rows added up into one budget position: the total of a list, or a contract over its municipalities.</summary>
    public static BudgetPosition Total(IReadOnlyCollection<ReconciliationRow> rows, int year)
    {
        var total = new ReconciliationTotal(year);
        foreach (var row in rows)
        {
            total.Add(row);
        }
        return total.Position;
    }

    private static ReconciliationRow Row(int year, ContractRow row)
    {
        var position = BudgetPosition.Of(year, row.BudgetCents, row.Spent?.SpentCents ?? 0, row.ProjectedCents, row.CommittedCents);
        return With(position, new ReconciliationRow
        {
            Year = year,
            ContractId = row.Contract.Id,
            ContractNumber = row.Contract.ContractNumber,
            ContractManager = row.Contract.ContractManager,
            ProviderId = row.Contract.ProviderId,
            ProviderName = row.Contract.ProviderName,
            Law = row.Contract.Law.ToString(),
            MunicipalityCode = row.MunicipalityCode,
            InInvestigationCents = row.Spent?.InInvestigationCents ?? 0,
            LineCount = row.Spent?.LineCount ?? 0,
            ExceptionCount = row.Spent?.ExceptionCount ?? 0,
        });
    }

    private static ReconciliationRow Sum(ReconciliationGrouping groupBy, IReadOnlyList<ReconciliationRow> group)
    {
        var first = group[0];
        return With(Total(group, first.Year), new ReconciliationRow
        {
            Year = first.Year,
            ProviderId = groupBy == ReconciliationGrouping.Provider ? first.ProviderId : null,
            ProviderName = groupBy == ReconciliationGrouping.Provider ? first.ProviderName : null,
            Law = groupBy == ReconciliationGrouping.Law ? first.Law : null,
            MunicipalityCode = groupBy == ReconciliationGrouping.Municipality ? first.MunicipalityCode : null,
            InInvestigationCents = group.Sum(r => r.InInvestigationCents),
            LineCount = group.Sum(r => r.LineCount),
            ExceptionCount = group.Sum(r => r.ExceptionCount),
        });
    }

    /// <summary>The row with the position's budget, spending, projection, exhaustion, commitments and room.</summary>
    private static ReconciliationRow With(BudgetPosition position, ReconciliationRow row) => row with
    {
        BudgetCents = position.BudgetCents,
        SpentCents = position.SpentCents,
        ProjectedCents = position.ProjectedCents,
        ExhaustionPercent = position.ExhaustionPercent,
        CommittedCents = position.CommittedCents,
        RoomCents = position.RoomCents,
    };

    private static ContractRow BaseRow(ReconciliationInput input, ReconciledContract contract, string municipalityCode, ContractSpending? spent,
        long? budgetCents, long committedCents)
    {
        var runRate = RunRate.For(input.Year, contract.StartDate, contract.CurrentEnd, input.AsOf, input.DeclarationLagDays);
        var projected = runRate.Project(spent?.SpentCents ?? 0, spent?.ObservedCents ?? 0);
        return new ContractRow(contract, municipalityCode, spent, budgetCents, projected, committedCents);
    }

    /// <summary>The year's ceilings per contract and municipality; an OZJT contract with a share key shares its ceilings' sum by the key.</summary>
    private static Dictionary<(long ContractId, string MunicipalityCode), long> Budgets(
        ReconciliationInput input, Dictionary<long, ReconciledContract> contracts)
    {
        var keys = input.ShareKeys.Where(k => contracts.GetValueOrDefault(k.ContractId)?.Kind == ContractKind.RegionaalOzjt)
            .ToDictionary(k => k.ContractId);
        var budgets = new Dictionary<(long, string), long>();
        foreach (var perContract in input.Budgets.Where(b => b.Year == input.Year).GroupBy(b => b.ContractId))
        {
            var parts = keys.TryGetValue(perContract.Key, out var key)
                ? key.Split(perContract.Sum(b => b.AmountCents))
                : perContract.ToDictionary(b => b.MunicipalityCode, b => b.AmountCents);
            foreach (var (municipality, cents) in parts)
            {
                budgets[(perContract.Key, municipality)] = cents;
            }
        }
        return budgets;
    }

    /// <summary>
    /// Each allocation's commitment (<see cref="AllocationCommitment"/>) on the contract it falls under: same provider and
    /// law, a tariff for its product, in force (not a concept) and running after the reconciliation date; of several, the
    /// latest to start, as for spending lines (<see cref="SpendingMatcher"/>).
    /// </summary>
    private static Dictionary<(long ContractId, string MunicipalityCode), long> Commitments(
        ReconciliationInput input, Dictionary<long, ReconciledContract> contracts)
    {
        var tariffs = input.Tariffs.ToLookup(t => t.ContractId);
        var byProvider = contracts.Values
            .Where(c => c.Status != ContractStatus.Concept && c.CurrentEnd > input.AsOf && c.StartDate.Year <= input.Year)
            .ToLookup(c => (c.ProviderAgbCode, c.Law));
        var committed = new Dictionary<(long, string), long>();
        foreach (var allocation in input.Allocations)
        {
            var contract = byProvider[(allocation.ProviderAgbCode, allocation.Law)]
                .Where(c => tariffs[c.Id].Any(t => t.ProductCategory == allocation.ProductCategory && t.ProductCode == allocation.ProductCode))
                .MaxBy(c => c.StartDate);
            if (contract is null)
            {
                continue;
            }
            var cents = AllocationCommitment.RestOfYearCents(allocation, input.Year, input.AsOf, contract.StartDate, contract.CurrentEnd, tariffs[contract.Id]);
            if (cents != 0)
            {
                var key = (contract.Id, allocation.MunicipalityCode);
                committed[key] = committed.GetValueOrDefault(key) + cents;
            }
        }
        return committed;
    }

    private sealed record ContractRow(ReconciledContract Contract, string MunicipalityCode, ContractSpending? Spent, long? BudgetCents,
        long ProjectedCents, long CommittedCents);
}
