using ContractRegie.Core.Common;

namespace ContractRegie.Core.Security;

/// <summary>A person who may sign in. Built-in accounts have a password; accounts from the identity provider do not.</summary>
public sealed record UserAccount
{
    public long Id { get; init; }
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public string? Email { get; init; }
    public IReadOnlyList<Role> Roles { get; init; } = [];
    public bool Active { get; init; } = true;

    /// <summary>The account's fields, and with a <paramref name="password"/> (a built-in account being created) that too.</summary>
    public ValidationErrors Validate(string? password)
    {
        var errors = new ValidationErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(UserName), "userName", "Gebruikersnaam is verplicht.");
        TextRules.Name(errors, "userName", UserName, 100);
        errors.AddIf(string.IsNullOrWhiteSpace(DisplayName), "displayName", "Naam is verplicht.");
        TextRules.Name(errors, "displayName", DisplayName, 200);
        TextRules.Name(errors, "email", Email, 254);
        errors.AddIf(Roles.Count == 0, "roles", "Minstens één rol is verplicht.");
        return password is null ? errors : errors.Merge(PasswordRules.Validate(password));
    }
}

/// <summary>What a built-in account's password must be: long rather than complicated (NIST SP 800-63B).</summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 1000;

    public static ValidationErrors Validate(string? password)
    {
        var errors = new ValidationErrors();
        errors.AddIf(password is null || password.Length < MinimumLength, "password", $"Wachtwoord moet minstens {MinimumLength} tekens hebben.");
        errors.AddIf(password?.Length > MaximumLength, "password", $"Wachtwoord heeft hoogstens {MaximumLength} tekens.");
        return errors;
    }
}
