using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Identity;

public sealed partial class AccountService
{
    /// <summary>What a password change answered: nothing wrong, or the field at fault with a stable code and an English text.</summary>
    public sealed record PasswordChangeResult(string? Field, string? Code, string? Message, TimeSpan LockedFor)
    {
        public static PasswordChangeResult Changed { get; } = new(null, null, null, TimeSpan.Zero);

        public bool Succeeded => Field is null && LockedFor == TimeSpan.Zero;

        public bool IsLocked => LockedFor > TimeSpan.Zero;
    }

    /// <summary>
    /// Changes a signed-in user's password. The current password is asked for again and a wrong one counts against the
    /// account's sign-in name like a failed sign-in (so a session left open cannot be used to guess it); the new one
    /// must meet <see cref="PasswordPolicy"/> and differ from the current. On success every other session of the user
    /// ends at once (a device that knew the old password is signed out); the session that asked stays.
    /// </summary>
    public async Task<PasswordChangeResult> ChangePasswordAsync(Guid userId, string? sessionToken, string currentPassword, string newPassword, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(currentPassword);
        ArgumentNullException.ThrowIfNull(newPassword);
        var now = time.GetUtcNow();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.Active, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"user {userId} is signed in but not on file");
        var guard = await db.SignInGuards.FirstOrDefaultAsync(g => g.NameHash == user.UserNameHash, ct).ConfigureAwait(false);
        if (guard?.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return new PasswordChangeResult(null, "auth.locked", null, lockedUntil - now);
        }

        if (passwords.Verify(user.PasswordHash, currentPassword) == PasswordCheck.Failed)
        {
            var lockedFor = await CountFailureAsync(guard, user.UserNameHash, user, null, now, ct).ConfigureAwait(false);
            return lockedFor > TimeSpan.Zero
                ? new PasswordChangeResult(null, "auth.locked", null, lockedFor)
                : new PasswordChangeResult("currentPassword", "password.wrong", "is not your current password", TimeSpan.Zero);
        }

        var mobile = user.Role == Roles.Customer ? names.UserName(user) : null;
        if (PasswordPolicy.Problem(newPassword, mobile, CommonPasswordList.Instance) is { } weak)
        {
            return new PasswordChangeResult("newPassword", weak.Code, weak.Message, TimeSpan.Zero);
        }

        if (newPassword == currentPassword)
        {
            return new PasswordChangeResult("newPassword", "password.same", "must differ from your current password", TimeSpan.Zero);
        }

        if (guard is not null)
        {
            db.SignInGuards.Remove(guard);
        }

        user.PasswordHash = passwords.Hash(newPassword);
        var keep = sessionToken is null ? null : HashSecret(sessionToken);
        var others = await db.Sessions.Where(s => s.UserId == user.Id && s.RevokedAt == null && s.ExpiresAt > now && s.TokenHash != keep).ToListAsync(ct).ConfigureAwait(false);
        foreach (var session in others)
        {
            session.RevokedAt = now;
        }

        await AuditLog.SaveWithAsync(db, [new AuditEvent("user:" + user.Id, "auth.password-changed", "user", user.Id.ToString(), new { SessionsEnded = others.Count })], now, ct).ConfigureAwait(false);
        sessionCache.Forget();
        return PasswordChangeResult.Changed;
    }
}
