using ContractRegie.Core.Common;
using ContractRegie.Core.Security;
using ContractRegie.Data.Users;
using ContractRegie.Web.Hosting;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis.Security;

public sealed record UserInput(string? UserName, string? DisplayName, string? Email, IReadOnlyList<string>? Roles, bool? Active, string? Password);

public sealed record PasswordInput(string? Password);

/// <summary>User administration for the beheerder. Users are personal data, so only the beheerder sees them.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiConventions.BasePath + "/users").WithTags("Users").RequireAuthorization(Policies.Administration);
        group.MapGet("", ListUsers).WithName("ListUsers").WithSummary("Alle gebruikers met hun rollen.")
            .WithDescription("Not paged: the staff of one municipality's contract management, tens of people.");
        group.MapPost("", CreateUser).WithName("CreateUser").WithSummary("Maakt een gebruiker aan (ingebouwde accounts met wachtwoord).");
        group.MapPut("/{id:long}", ReplaceUser).WithName("ReplaceUser").WithSummary("Wijzigt naam, e-mail, rollen of actief.");
        group.MapPut("/{id:long}/password", SetPassword).WithName("SetUserPassword").WithSummary("Zet een nieuw wachtwoord en heft een blokkade op.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<UserAccount>>> ListUsers(UserRepository users) =>
        TypedResults.Ok<IReadOnlyList<UserAccount>>((await users.ReadAllAsync()).Select(u => u.ToAccount()).ToList());

    public static async Task<Results<Created<UserAccount>, ValidationProblem, ProblemHttpResult>> CreateUser(
        UserInput input, UserRepository users, UserAccounts accounts)
    {
        var errors = new ValidationErrors();
        var account = ToAccount(0, input, errors);
        errors.AddIf(string.IsNullOrEmpty(input.Password), "password", "Is verplicht.");
        errors.Merge(account.Validate(input.Password));
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }
        if (await users.ReadByUserNameAsync(account.UserName) is not null)
        {
            return ApiProblems.Conflict($"Gebruikersnaam {account.UserName} is al in gebruik.");
        }
        var created = account with { Id = await accounts.CreateAsync(account, input.Password) };
        return TypedResults.Created($"{ApiConventions.BasePath}/users/{created.Id}", created);
    }

    public static async Task<Results<Ok<UserAccount>, ValidationProblem, ProblemHttpResult>> ReplaceUser(
        long id, UserInput input, UserRepository users)
    {
        if (await users.ReadByIdAsync(id) is not { } existing)
        {
            return ApiProblems.NotFound($"Gebruiker {id}");
        }
        var errors = new ValidationErrors();
        var account = ToAccount(id, input with { UserName = existing.UserName }, errors);
        errors.Merge(account.Validate(password: null));
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }
        await users.UpdateAsync(account);
        return TypedResults.Ok(account);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetPassword(
        long id, PasswordInput input, UserRepository users, UserAccounts accounts)
    {
        if (await users.ReadByIdAsync(id) is null)
        {
            return ApiProblems.NotFound($"Gebruiker {id}");
        }
        var errors = PasswordRules.Validate(input.Password);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }
        await accounts.SetPasswordAsync(id, input.Password!);
        return TypedResults.NoContent();
    }

    private static UserAccount ToAccount(long id, UserInput input, ValidationErrors errors)
    {
        var (roles, unknown) = Roles.ParseList(string.Join(",", input.Roles ?? []));
        foreach (var name in unknown)
        {
            errors.Add("roles", $"Onbekende rol '{name}'; toegestaan: {string.Join(", ", Enum.GetNames<Role>())}.");
        }
        return new UserAccount
        {
            Id = id,
            UserName = input.UserName?.Trim() ?? "",
            DisplayName = input.DisplayName?.Trim() ?? "",
            Email = input.Email,
            Roles = roles,
            Active = input.Active ?? true,
        };
    }
}
