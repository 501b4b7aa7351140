namespace ContractRegie.Web.Security;

public enum SignInMode { BuiltIn, Oidc }

/// <summary>The "Authentication" settings.</summary>
public sealed class ContractRegieAuthOptions
{
    public const string Section = "Authentication";

    /// <summary>BuiltIn: the user store in the database (embedded default, tests). Oidc: the municipality's identity provider.</summary>
    public SignInMode Mode { get; set; } = SignInMode.BuiltIn;

    public InitialAdministratorOptions InitialAdministrator { get; set; } = new();
    /// <summary>Sign-in attempts one address may make per minute before it gets 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
    public OidcOptions Oidc { get; set; } = new();
    public SessionOptions Session { get; set; } = new();
}

/// <summary>How long a built-in session lives: idle (sliding) and at most (from signing in).</summary>
public sealed class SessionOptions
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);
}

public sealed class InitialAdministratorOptions
{
    public string UserName { get; set; } = "beheerder";
    /// <summary>When empty on a fresh database, a password is generated and written once to the console.</summary>
    public string? Password { get; set; }
}

public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>The audience API tokens must carry; defaults to the client id.</summary>
    public string? Audience { get; set; }
    /// <summary>Off only for a test identity provider on plain HTTP; production metadata comes over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
    /// <summary>The claim in which the identity provider puts roles or groups.</summary>
    public string RoleClaim { get; set; } = "roles";
    /// <summary>Identity-provider role or group → ContractRegie role name, e.g. "SD-Contractbeheer" → "Contractmanager".</summary>
    public Dictionary<string, string> RoleMapping { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
