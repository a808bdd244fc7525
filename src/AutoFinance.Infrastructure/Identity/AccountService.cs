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
/// A session's <see cref="SessionRow.ExpiresAt"/> is where it ends if unused: each use moves it on by the role's idle
/// timeout (<see cref="SessionTimeouts"/>), never past <see cref="SessionLifetime"/> after sign-in. To spare a write on
/// every request it is moved only when it would move by more than <see cref="IdleSlideStep"/>, so a session ends
/// between the idle timeout less that step and the idle timeout after its last use.
/// </summary>
public sealed class AccountService(AutoFinanceDbContext db, TimeProvider time, ApiKeyCache apiKeys, SessionTimeouts sessions, AccountNames names)
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan IdleSlideStep = TimeSpan.FromMinutes(1);
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
        var session = new SessionRow { Id = Guid.CreateVersion7(now), TokenHash = HashSecret(token), UserId = user.Id, CreatedAt = now, ExpiresAt = IdleDeadline(user.Role, now, now) };
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
            .Join(db.Users.Where(u => u.Active), s => s.UserId, u => u.Id, (s, u) => new { s.Id, s.CreatedAt, s.ExpiresAt, User = u })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var deadline = IdleDeadline(found.User.Role, found.CreatedAt, now);
        if ((deadline - found.ExpiresAt).Duration() > IdleSlideStep)
        {
            await db.Sessions.Where(s => s.Id == found.Id && s.RevokedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, deadline), ct).ConfigureAwait(false);
        }

        var user = found.User;
        return new Actor(user.Role, user.Id, user.DealerId, user.CustomerId, names.DisplayName(user));
    }

    /// <summary>Where a session used now ends if it is not used again: the idle timeout on, within its lifetime.</summary>
    private DateTimeOffset IdleDeadline(string role, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var idle = now + sessions.IdleTimeout(role);
        var end = createdAt + SessionLifetime;
        return idle < end ? idle : end;
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
