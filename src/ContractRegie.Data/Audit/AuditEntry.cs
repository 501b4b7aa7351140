namespace ContractRegie.Data.Audit;

public enum AuditAction { Create, Update, Delete, Decide, SignIn, SignInFailed, PasswordChange, SignOut }

/// <summary>One write: who, when, what, and the record before and after (as JSON, personal data left out).</summary>
public sealed record AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string Actor { get; init; } = "";
    public AuditAction Action { get; init; }
    public string Entity { get; init; } = "";
    public string EntityId { get; init; } = "";
    public string? BeforeData { get; init; }
    public string? AfterData { get; init; }
}

/// <summary>What the audit trail can be narrowed by; <c>Action</c> <see cref="AuditAction.Delete"/> tells a data warehouse what is gone.</summary>
public sealed record AuditFilter(string? Entity = null, string? EntityId = null, string? Actor = null, DateTimeOffset? From = null, DateTimeOffset? Until = null,
    AuditAction? Action = null);

/// <summary>Who is writing: the signed-in user in the web host, the operator in the CLI, the job's name in a job.</summary>
public interface ICurrentActor
{
    string Name { get; }
}

public sealed class FixedActor(string name) : ICurrentActor
{
    public string Name => name;
}

/// <summary>How the audit trail can be ordered; newest first unless asked otherwise ("descending" of newest is oldest first).</summary>
public enum AuditOrder { Newest, Actor, Action, Entity }
