using System.Security.Cryptography;
using ContractRegie.Core.Common;
using ContractRegie.Core.Security;
using ContractRegie.Data.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContractRegie.Data.Users;

public abstract record SignInOutcome
{
    /// <summary>The session carries <paramref name="SecurityStamp"/>; once the stamp changes, the session ends.</summary>
    public sealed record Succeeded(UserAccount Account, string SecurityStamp) : SignInOutcome;
    public sealed record Failed : SignInOutcome;
    public sealed record LockedOut(DateTimeOffset Until) : SignInOutcome;
}

/// <summary>
/// Built-in accounts: passwords hashed with ASP.NET Core's password hasher (PBKDF2), lockout after repeated
/// failures, and the first beheerder of a fresh installation.
/// </summary>
public sealed class UserAccounts(UserRepository users, AuditTrail audit, TimeProvider time)
{
    /// <summary>The audit trail's entity id for an attempt on an account that does not exist.</summary>
    public const string UnknownAccount = "onbekend";
    private const string Entity = "user";
    private static readonly PasswordHasher<StoredUser> Hasher = new();
    // Verified when the user does not exist, so a wrong name costs as long as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(new StoredUser(), "not-a-real-password-" + Guid.NewGuid());

    public async Task<long> CreateAsync(UserAccount account, string? password)
    {
        var errors = account.Validate(password);
        if (!errors.IsEmpty)
        {
            throw new ArgumentException(errors.ToString(), nameof(account));
        }
        return await users.InsertAsync(account, password is null ? null : Hasher.HashPassword(new StoredUser(), password));
    }

    public async Task SetPasswordAsync(long id, string password)
    {
        if (PasswordRules.Validate(password) is { IsEmpty: false } errors)
        {
            throw new ArgumentException(errors.ToString(), nameof(password));
        }
        await users.UpdatePasswordAsync(id, Hasher.HashPassword(new StoredUser(), password));
    }

    /// <summary>
    /// Every attempt is audited under the account's id. What was typed for an unknown account is never stored: it may be
    /// a password typed into the wrong field, or 100,000 characters.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string userName, string password)
    {
        var user = await users.ReadByUserNameAsync(userName.Trim());
        if (user is not { Active: true, PasswordHash: not null })
        {
            Hasher.VerifyHashedPassword(new StoredUser(), DummyHash, password);
            await audit.AppendAsync(null, AuditAction.SignInFailed, Entity, UnknownAccount, null, null);
            return new SignInOutcome.Failed();
        }
        var now = time.GetUtcNow();
        if (SignInLockout.IsLocked(user.LockedUntil, now))
        {
            await audit.AppendAsync(null, AuditAction.SignInFailed, Entity, user.Id, null, new { user.UserName, Reason = "Locked" });
            return new SignInOutcome.LockedOut(user.LockedUntil!.Value);
        }
        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var (failures, lockedUntil) = SignInLockout.AfterFailure(user.FailedSignIns, now);
            await users.RecordSignInResultAsync(user.Id, failures, lockedUntil);
            await audit.AppendAsync(null, AuditAction.SignInFailed, Entity, user.Id, null, new { user.UserName, Reason = "WrongPassword" });
            return lockedUntil is { } until ? new SignInOutcome.LockedOut(until) : new SignInOutcome.Failed();
        }
        if (user.FailedSignIns > 0)
        {
            await users.RecordSignInResultAsync(user.Id, 0, null);
        }
        await audit.AppendAsync(null, AuditAction.SignIn, Entity, user.Id, null, new { user.UserName });
        return new SignInOutcome.Succeeded(user.ToAccount(), user.SecurityStamp);
    }

    /// <summary>
    /// On a fresh installation, creates the first beheerder. Without a configured password one is generated and
    /// returned, so the caller can show it once; there is never a fixed default password.
    /// </summary>
    public async Task<string?> EnsureInitialAdministratorAsync(string userName, string? configuredPassword)
    {
        if (await users.CountAsync() > 0)
        {
            return null;
        }
        var password = string.IsNullOrEmpty(configuredPassword) ? GeneratePassword() : configuredPassword;
        await CreateAsync(new UserAccount { UserName = userName, DisplayName = "Beheerder", Roles = [Role.Beheerder] }, password);
        return string.IsNullOrEmpty(configuredPassword) ? password : null;
    }

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
