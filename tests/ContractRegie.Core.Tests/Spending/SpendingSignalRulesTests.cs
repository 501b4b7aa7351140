using ContractRegie.Core.Signals;
using ContractRegie.Core.Spending;
using static ContractRegie.Core.Tests.TestData;

namespace ContractRegie.Core.Tests.Spending;

public class SpendingSignalRulesTests
{
    private static ContractBudget Budget(long spent) =>
        new(7, "WMO-2026-007", "a.bakker", "0141", BudgetPosition.Compute(2026, 1_000_000, spent, D(2026, 3, 1)));

    [Fact]
    public void Below_the_threshold_nothing_is_signalled() => Assert.Null(SpendingSignalRules.ForBudget(Budget(799_999), 80m));

    [Fact]
    public void From_the_threshold_the_contractmanager_hears_the_budget_is_nearly_exhausted()
    {
        // 850.000 of 1.000.000 = 85,0 %; 1 Jan – 1 Mar is 60 days: 850.000 × 365 / 60 = 5.170.833,3 cents.
        var draft = SpendingSignalRules.ForBudget(Budget(850_000), 80m)!;

        Assert.Equal(new SignalDraft(SignalKind.BudgetNearlyExhausted, SignalSeverity.Warning, "contract", 7,
            "Budget bijna op: WMO-2026-007 (Almelo, 2026)",
            "Besteed € 8.500,00 van € 10.000,00 (85,0 %); prognose tot jaareinde bij het huidige tempo € 51.708,33.",
            "budget-nearly-exhausted:7:0141:2026", 0, "a.bakker"), draft);
    }

    [Fact]
    public void Over_the_budget_it_is_exceeded_under_its_own_key()
    {
        var draft = SpendingSignalRules.ForBudget(Budget(1_000_001), 80m)!;

        Assert.Equal((SignalKind.BudgetExceeded, SignalSeverity.High, "budget-exceeded:7:0141:2026"), (draft.Kind, draft.Severity, draft.DedupeKey));
        Assert.StartsWith("Budget overschreden", draft.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Exceptions_on_a_contract_go_to_its_contractmanager()
    {
        var draft = SpendingSignalRules.ForExceptions(
            new ExceptionGroup(SpendingExceptionKind.AmountDeviatesFromTariff, 7, "WMO-2026-007", "a.bakker", "12345678", 2026, 2, 23_500, 901));

        Assert.Equal((SignalKind.UnlawfulSpending, "contract", 7L, "a.bakker", "unlawful-spending:AmountDeviatesFromTariff:7:2026"),
            (draft.Kind, draft.SubjectType, draft.SubjectId, draft.Recipient, draft.DedupeKey));
        Assert.StartsWith("2 regels van 2026 met samen € 235,00: bedrag wijkt af van het tarief.", draft.Facts, StringComparison.Ordinal);
    }

    [Fact]
    public void Exceptions_without_a_contract_are_keyed_by_the_provider()
    {
        var draft = SpendingSignalRules.ForExceptions(
            new ExceptionGroup(SpendingExceptionKind.NoMatchingContract, null, null, null, "12345678", 2026, 1, 5_000, 901));

        Assert.Equal(("spending_line", 901L, null, "unlawful-spending:NoMatchingContract:12345678:2026"),
            (draft.SubjectType, draft.SubjectId, draft.Recipient, draft.DedupeKey));
        Assert.Equal("Onrechtmatige uitgaven (geen passend contract): zorgaanbieder 12345678, 2026", draft.Title);
    }
}
