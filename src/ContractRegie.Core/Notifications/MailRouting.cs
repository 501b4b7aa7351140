using ContractRegie.Core.Security;
using ContractRegie.Core.Signals;

namespace ContractRegie.Core.Notifications;

/// <summary>
/// Who a signal is for, by role: <see cref="Role.Contractmanager"/> and <see cref="Role.Inkoper"/> mean the person the
/// contract (or provider) names in that role; any other role means every user holding it. <see cref="InCopy"/> marks
/// someone who is told but is not the one to act.
/// </summary>
public sealed record Addressee(Role Role, bool InCopy = false)
{
    public bool IsNamedPerson => Role is Role.Contractmanager or Role.Inkoper;
}

/// <summary>
/// Routing by responsibility (DESIGN.md "Notification"), configurable per signal kind under <c>Mail:Routing:&lt;Kind&gt;</c>
/// as a list of roles, a copy marked <c>cc:</c>, e.g. <c>"Inkoper, cc:Contractmanager"</c>.
/// </summary>
public static class MailRouting
{
    public static readonly IReadOnlyDictionary<SignalKind, IReadOnlyList<Addressee>> Defaults = new Dictionary<SignalKind, IReadOnlyList<Addressee>>
    {
        [SignalKind.DecisionDue] = [new(Role.Contractmanager)],
        [SignalKind.ProcurementMustStart] = [new(Role.Inkoper), new(Role.Contractmanager, InCopy: true)],
        [SignalKind.ContractExpiredWithoutDecision] = [new(Role.Contractmanager), new(Role.Inkoper, InCopy: true)],
        [SignalKind.OutcomeBelowNorm] = [new(Role.Contractmanager)],
        [SignalKind.OutcomeReportMissing] = [new(Role.Contractmanager)],
        [SignalKind.FinancialRisk] = [new(Role.Contractmanager)],
        [SignalKind.BudgetNearlyExhausted] = [new(Role.Financien), new(Role.Contractmanager)],
        [SignalKind.BudgetExceeded] = [new(Role.Financien), new(Role.Contractmanager)],
        [SignalKind.UnlawfulSpending] = [new(Role.Financien), new(Role.Contractmanager)],
        // The draft names the contract owner (else the contractmanager) as the person to tell.
        [SignalKind.LateRenewalDecision] = [new(Role.Contractmanager)],
        [SignalKind.FinancialStatementMissing] = [new(Role.Contractmanager)],
        // Mail the dispatcher gave up on: the beheerder can mend the mail settings and requeue it.
        [SignalKind.MailUndeliverable] = [new(Role.Beheerder)],
    };

    /// <summary>The defaults with the configured kinds replaced; an unknown kind or role stops the start with its name.</summary>
    public static IReadOnlyDictionary<SignalKind, IReadOnlyList<Addressee>> WithOverrides(IReadOnlyDictionary<string, string> configured)
    {
        var routes = new Dictionary<SignalKind, IReadOnlyList<Addressee>>(Defaults);
        foreach (var (kindName, value) in configured)
        {
            if (!Enum.TryParse<SignalKind>(kindName, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                throw new InvalidOperationException($"Mail:Routing:{kindName}: unknown signal kind; use one of {string.Join(", ", Enum.GetNames<SignalKind>())}.");
            }
            routes[kind] = Parse(value, $"Mail:Routing:{kindName}");
        }
        return routes;
    }

    private static List<Addressee> Parse(string value, string setting)
    {
        var addressees = new List<Addressee>();
        foreach (var part in value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var inCopy = part.StartsWith("cc:", StringComparison.OrdinalIgnoreCase);
            var name = inCopy ? part[3..] : part;
            if (!Roles.TryParse(name, out var role))
            {
                throw new InvalidOperationException($"{setting}: unknown role '{name}'; use one of {string.Join(", ", Enum.GetNames<Role>())}.");
            }
            addressees.Add(new Addressee(role, inCopy));
        }
        return addressees.Count > 0 ? addressees : throw new InvalidOperationException($"{setting}: name at least one role.");
    }
}
