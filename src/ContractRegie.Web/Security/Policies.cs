using ContractRegie.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace ContractRegie.Web.Security;

/// <summary>Who may do what (issue #5): every endpoint names one of these policies, or is explicitly anonymous.</summary>
public static class Policies
{
    /// <summary>Any signed-in role may read the register.</summary>
    public const string Read = nameof(Read);
    /// <summary>Writes to providers, contracts and their terms, and outcome data.</summary>
    public const string ContractWrite = nameof(ContractWrite);
    /// <summary>Recording a renewal decision.</summary>
    public const string RenewalDecision = nameof(RenewalDecision);
    /// <summary>Spending imports.</summary>
    public const string Finance = nameof(Finance);
    /// <summary>The reconciliation and the spending exceptions, with their exports: financiën, and those who read everything.</summary>
    public const string FinanceRead = nameof(FinanceRead);
    /// <summary>Users and jobs.</summary>
    public const string Administration = nameof(Administration);
    /// <summary>The audit trail.</summary>
    public const string Audit = nameof(Audit);

    public static readonly IReadOnlyDictionary<string, Role[]> RolesPerPolicy = new Dictionary<string, Role[]>
    {
        [Read] = Enum.GetValues<Role>(),
        [ContractWrite] = [Role.Contractmanager],
        [RenewalDecision] = [Role.Inkoper, Role.Contractmanager],
        [Finance] = [Role.Financien],
        [FinanceRead] = [Role.Financien, Role.Beheerder, Role.Lezer],
        [Administration] = [Role.Beheerder],
        [Audit] = [Role.Beheerder, Role.Lezer],
    };

    public static void AddContractRegiePolicies(this AuthorizationOptions options)
    {
        foreach (var (policy, roles) in RolesPerPolicy)
        {
            options.AddPolicy(policy, builder => builder.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString())));
        }
        // An endpoint that forgets its policy still needs a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
