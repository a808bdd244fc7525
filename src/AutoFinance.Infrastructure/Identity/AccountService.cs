using System.Security.Cryptography;
using System.Text;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Identity;

/// <summary>
/// Sign-in and sessions: passwords hashed with ASP.NET Core Identity's PBKDF2 hasher, bearer tokens random and stored
/// only as SHA-256 hashes, sessions that expire and can be revoked; dealer API keys likewise stored as hashes.
/// </summary>
public sealed class AccountService(AutoFinanceDbContext db, TimeProvider time, ApiKeyCache apiKeys, AccountNames names)
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);
    private static readonly PasswordHasher<UserRow> Hasher = new();

    // Checked when the user name is unknown, so an unknown name costs as long as a wrong password (no enumeration by timing).
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    public sealed record Session(string Token, DateTimeOffset ExpiresAt, string Role, Guid UserId, string DisplayName);

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string HashPassword(string password) => Hasher.HashPassword(null!, password);

    public async Task<Session?> SignInAsync(string userName, string password, CancellationToken ct)
    {
        var hash = names.LookupHash(userName);
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserNameHash == hash && u.Active, ct).ConfigureAwait(false);
        if (user is null)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password);
            return null;
        }

        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            return null;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        var session = new SessionRow { Id = Guid.CreateVersion7(now), TokenHash = HashSecret(token), UserId = user.Id, CreatedAt = now, ExpiresAt = now + SessionLifetime };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new Session(token, session.ExpiresAt, user.Role, user.Id, names.DisplayName(user));
    }

    public async Task<Actor?> ActorForTokenAsync(string token, CancellationToken ct)
    {
        var hash = HashSecret(token);
        var now = time.GetUtcNow();
        var found = await db.Sessions.AsNoTracking()
            .Where(s => s.TokenHash == hash && s.RevokedAt == null && s.ExpiresAt > now)
            .Join(db.Users.Where(u => u.Active), s => s.UserId, u => u.Id, (s, u) => new { u.Role, u.Id, u.DealerId, u.CustomerId, u.DisplayNameCipher })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return found is null ? null : new Actor(found.Role, found.Id, found.DealerId, found.CustomerId, names.DisplayName(found.DisplayNameCipher));
    }

    public async Task<bool> RevokeAsync(string token, CancellationToken ct)
    {
        var hash = HashSecret(token);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.TokenHash == hash && s.RevokedAt == null, ct).ConfigureAwait(false);
        if (session is null)
        {
            return false;
        }

        session.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return true;
    }

    public async Task<Actor?> ActorForApiKeyAsync(string apiKey, CancellationToken ct)
    {
        var hash = HashSecret(apiKey);
        if (apiKeys.TryGet(hash, out var cached))
        {
            return cached;
        }

        var now = time.GetUtcNow();
        var dealer = await db.Dealers.AsNoTracking()
            .FirstOrDefaultAsync(d => d.ApiKeyHash == hash && d.Active && d.ApiKeyRevokedAt == null && (d.ApiKeyExpiresAt == null || d.ApiKeyExpiresAt > now), ct)
            .ConfigureAwait(false);
        var actor = dealer is null ? null : new Actor(Roles.Dealer, null, dealer.Id, null, dealer.Name);
        apiKeys.Set(hash, actor);
        return actor;
    }

    /// <summary>
    /// Registers a customer account (the customer record is linked on their first application). The mobile is checked
    /// for uniqueness by its keyed hash, the same value sign-in looks up.
    /// </summary>
    public async Task<(Guid? UserId, string? Problem)> RegisterCustomerAsync(string userName, string password, string displayName, CancellationToken ct)
    {
        var hash = names.LookupHash(userName);
        if (await db.Users.AnyAsync(u => u.UserNameHash == hash, ct).ConfigureAwait(false))
        {
            return (null, "is already taken");
        }

        var now = time.GetUtcNow();
        var user = names.NewUser(Guid.CreateVersion7(now), userName, HashPassword(password), Roles.Customer, displayName, now);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return (null, "is already taken");
        }

        return (user.Id, null);
    }

    /// <summary>The dealer a key belongs to is looked up by hash only; this creates one (demo data, admin tools).</summary>
    public static DealerRow NewDealer(string code, string name, string city, string apiKey, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Code = code,
        Name = name,
        City = city,
        ApiKeyHash = HashSecret(apiKey),
        CreatedAt = now,
    };
}
