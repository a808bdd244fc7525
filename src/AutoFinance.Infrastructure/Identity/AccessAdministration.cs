using System.Security.Cryptography;
using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Identity;

/// <summary>
/// What an administrator does to people's and dealers' access: list accounts and their open sessions, end every
/// session of a user at once (a lost phone, a leaver), revoke or replace a dealer's API key. Every change is written
/// to the audit log with the administrator who made it.
/// </summary>
public sealed class AccessAdministration(AutoFinanceDbContext db, TimeProvider time, ApiKeyCache apiKeys, SessionCache sessionCache, AccountNames names)
{
    /// <summary>An account as an administrator sees it; a customer's user name is their mobile, so it is masked.</summary>
    public sealed record UserView(Guid UserId, string UserName, string Role, string DisplayName, bool Active, int OpenSessions);

    /// <param name="Email">The finance desk's address its payout notices go to besides its inbox; none when not on file.</param>
    /// <param name="Language">The language of its notices: zh-CN or en.</param>
    public sealed record DealerView(Guid DealerId, string Code, string Name, string City, bool Active, string ApiKey, DateTimeOffset? ApiKeyExpiresAt, DateTimeOffset? ApiKeyRevokedAt,
        string? Email, string Language)
    {
        public static DealerView Of(Origination.DealerRow dealer, DateTimeOffset now)
        {
            ArgumentNullException.ThrowIfNull(dealer);
            return new(dealer.Id, dealer.Code, dealer.Name, dealer.City, dealer.Active, KeyState(dealer, now), dealer.ApiKeyExpiresAt, dealer.ApiKeyRevokedAt, dealer.Email, dealer.Language);
        }
    }

    /// <summary>A newly issued API key: shown once, stored only as its hash.</summary>
    public sealed record IssuedKey(Guid DealerId, string ApiKey, DateTimeOffset? ExpiresAt);

    public async Task<IReadOnlyList<UserView>> UsersAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var users = await db.Users.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var open = await db.Sessions.AsNoTracking().Where(s => s.RevokedAt == null && s.ExpiresAt > now)
            .GroupBy(s => s.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);
        // Names are encrypted at rest, so the list is ordered after decrypting.
        return [.. users.Select(u => new UserView(
            u.Id,
            u.Role == Roles.Customer ? MobileNumber.Mask(names.UserName(u)) : names.UserName(u),
            u.Role,
            names.DisplayName(u),
            u.Active,
            open.GetValueOrDefault(u.Id)))
            .OrderBy(u => u.Role, StringComparer.Ordinal).ThenBy(u => u.DisplayName, StringComparer.Ordinal)];
    }

    /// <summary>Revokes every open session of the user; answers how many, or null when there is no such user.</summary>
    public async Task<int?> RevokeSessionsAsync(Actor admin, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct).ConfigureAwait(false))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var sessions = await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now).ToListAsync(ct).ConfigureAwait(false);
        foreach (var session in sessions)
        {
            session.RevokedAt = now;
        }

        await AuditLog.SaveWithAsync(db, [new AuditEvent(admin.AuditName, "sessions.revoked", "user", userId.ToString(), new { Sessions = sessions.Count })], now, ct).ConfigureAwait(false);
        sessionCache.Forget();
        return sessions.Count;
    }

    public async Task<IReadOnlyList<DealerView>> DealersAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var dealers = await db.Dealers.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct).ConfigureAwait(false);
        return [.. dealers.Select(d => DealerView.Of(d, now))];
    }

    /// <summary>
    /// Revokes the dealer's API key at once (this process forgets its cached keys; others within
    /// <see cref="ApiKeyCache.Lifetime"/>) and ends every open session of the dealer's web users.
    /// </summary>
    public async Task<bool> RevokeApiKeyAsync(Actor admin, Guid dealerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var dealer = await db.Dealers.FirstOrDefaultAsync(d => d.Id == dealerId, ct).ConfigureAwait(false);
        if (dealer is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        dealer.ApiKeyRevokedAt ??= now;

        // The dealer's people signed in on the web end with its key: whoever held the key may hold their sessions too.
        var dealerUsers = db.Users.Where(u => u.DealerId == dealerId).Select(u => u.Id);
        var sessions = await db.Sessions.Where(s => dealerUsers.Contains(s.UserId) && s.RevokedAt == null && s.ExpiresAt > now).ToListAsync(ct).ConfigureAwait(false);
        foreach (var session in sessions)
        {
            session.RevokedAt = now;
        }

        await AuditLog.SaveWithAsync(db, [new AuditEvent(admin.AuditName, "api-key.revoked", "dealer", dealerId.ToString(), new { dealer.Code, SessionsEnded = sessions.Count })], now, ct).ConfigureAwait(false);
        apiKeys.Clear();
        sessionCache.Forget();
        return true;
    }

    /// <summary>Issues a new random API key for the dealer, replacing (and so revoking) the old one.</summary>
    public async Task<IssuedKey?> IssueApiKeyAsync(Actor admin, Guid dealerId, int? validDays, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var dealer = await db.Dealers.FirstOrDefaultAsync(d => d.Id == dealerId, ct).ConfigureAwait(false);
        if (dealer is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var key = NewApiKey();
        dealer.ApiKeyHash = AccountService.HashSecret(key);
        dealer.ApiKeyRevokedAt = null;
        dealer.ApiKeyExpiresAt = validDays is { } days ? now.AddDays(days) : null;
        await AuditLog.SaveWithAsync(db, [new AuditEvent(admin.AuditName, "api-key.issued", "dealer", dealerId.ToString(), new { dealer.Code, dealer.ApiKeyExpiresAt })], now, ct).ConfigureAwait(false);
        apiKeys.Clear();
        return new IssuedKey(dealerId, key, dealer.ApiKeyExpiresAt);
    }

    /// <summary>A new random API key, shown once to whoever asked for it and stored only as its hash.</summary>
    public static string NewApiKey() => "afk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The roles a staff account may be moved between; customers and dealers keep the role they signed up with.</summary>
    public static readonly string[] StaffRoles = Roles.Staff;

    public sealed record RoleChange(Guid UserId, string Role);

    /// <summary>
    /// Whether a role change may be asked for: a staff account, a staff role it does not hold already. Answers the
    /// account's current role, or what is wrong, naming the field.
    /// </summary>
    public async Task<CommandResult<string>> CheckRoleChangeAsync(Guid userId, string? role, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct).ConfigureAwait(false);
        if (user is null)
        {
            return CommandResult<string>.NotFound();
        }

        if (role is null || !StaffRoles.Contains(role))
        {
            return CommandResult<string>.Invalid("role", $"must be one of {string.Join(", ", StaffRoles)}", "field.one-of");
        }

        if (!StaffRoles.Contains(user.Role))
        {
            return CommandResult<string>.Conflict("only a staff account's role can change", "user.not-staff");
        }

        if (user.Role == role)
        {
            return CommandResult<string>.Conflict($"the account is already {role}", "user.same-role");
        }

        return await LeavesNoAdminAsync(user, role, ct).ConfigureAwait(false)
            ? CommandResult<string>.Conflict("the platform would be left without an active admin; make another account admin first", "user.last-admin")
            : CommandResult<string>.Ok(user.Role);
    }

    /// <summary>Whether moving <paramref name="user"/> to <paramref name="role"/> leaves no active admin account.</summary>
    private async Task<bool> LeavesNoAdminAsync(UserRow user, string role, CancellationToken ct) =>
        user.Role == Roles.Admin && role != Roles.Admin
        && !await db.Users.AsNoTracking().AnyAsync(u => u.Role == Roles.Admin && u.Active && u.Id != user.Id, ct).ConfigureAwait(false);

    /// <summary>
    /// Gives a staff account its new role (approved by a second person) and ends its open sessions, so the old role's
    /// rights stop at once; null when done, or why it could not be.
    /// </summary>
    public async Task<string?> ChangeRoleAsync(Actor approver, RoleChange change, Guid approvalId, string requestedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approver);
        ArgumentNullException.ThrowIfNull(change);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == change.UserId, ct).ConfigureAwait(false);
        if (user is null || !StaffRoles.Contains(user.Role) || !StaffRoles.Contains(change.Role))
        {
            return user is null ? "the account no longer exists" : "only a staff account's role can change";
        }

        if (await LeavesNoAdminAsync(user, change.Role, ct).ConfigureAwait(false))
        {
            return "the platform would be left without an active admin";
        }

        var now = time.GetUtcNow();
        var previous = user.Role;
        user.Role = change.Role;
        var sessions = await db.Sessions.Where(s => s.UserId == user.Id && s.RevokedAt == null && s.ExpiresAt > now).ToListAsync(ct).ConfigureAwait(false);
        foreach (var session in sessions)
        {
            session.RevokedAt = now;
        }

        await AuditLog.SaveWithAsync(db, [new AuditEvent(approver.AuditName, "user.role-changed", "user", user.Id.ToString(), new { ApprovalId = approvalId, From = previous, To = change.Role, RequestedBy = requestedBy, SessionsEnded = sessions.Count })], now, ct).ConfigureAwait(false);
        sessionCache.Forget();
        return null;
    }

    private static string KeyState(Origination.DealerRow dealer, DateTimeOffset now) =>
        dealer.ApiKeyRevokedAt is not null ? "revoked" : dealer.ApiKeyExpiresAt is { } expires && expires <= now ? "expired" : "active";
}
