using System.Security.Cryptography;
using System.Text;
using AutoFinance.Application.Security;
using AutoFinance.Application.Verification;
using AutoFinance.Domain.Verification;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Verification;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Identity;

/// <summary>
/// Sign-in and sessions: passwords hashed with ASP.NET Core Identity's PBKDF2 hasher, bearer tokens random and stored
/// only as SHA-256 hashes, sessions that expire and can be revoked; dealer API keys likewise stored as hashes.
/// A session's <see cref="SessionRow.ExpiresAt"/> is where it ends if unused: each use moves it on by the role's idle
/// timeout (<see cref="SessionTimeouts"/>), never past <see cref="SessionLifetime"/> after sign-in. To spare a write on
/// every request it is moved only when it would move by more than <see cref="IdleSlideStep"/>, so a session ends
/// between the idle timeout less that step and the idle timeout after its last use. A session just looked up is kept
/// for a few seconds (<see cref="SessionCache"/>); signing out drops it at once.
/// </summary>
public sealed partial class AccountService(AutoFinanceDbContext db, TimeProvider time, ApiKeyCache apiKeys, SessionCache sessionCache, SessionTimeouts sessions, AccountNames names, IOneTimeCodes codes, ILookupHasher hasher, PasswordHashing passwords)
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan IdleSlideStep = TimeSpan.FromMinutes(1);

    public sealed record Session(string Token, DateTimeOffset ExpiresAt, string Role, Guid UserId, string DisplayName);

    /// <summary>A sign-in: the session, or why not (a wrong name or password, or the name locked for a while).</summary>
    public sealed record SignInResult(Session? Session, TimeSpan LockedFor)
    {
        public static SignInResult Failed { get; } = new(null, TimeSpan.Zero);

        public bool IsLocked => LockedFor > TimeSpan.Zero;

        public static SignInResult SignedIn(Session session) => new(session, TimeSpan.Zero);

        public static SignInResult Locked(TimeSpan lockedFor) => new(null, lockedFor);
    }

    /// <summary>A registration: the new account, or the field at fault with a stable code and an English text.</summary>
    public sealed record RegistrationResult(Guid? UserId, string? Field, string? Code, string? Message);

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>
    /// Signs in by name and password. Failures are counted per sign-in name whether or not the account exists, lock
    /// the name with back-off (<see cref="SignInLockout"/>) and are audited; a locked name is refused without looking
    /// at the password, and a success clears the count (and stores the password hashed anew when its hash is cheaper
    /// than the platform's work factor now asks, <see cref="PasswordHashing"/>).
    /// </summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken ct, string? clientAddress = null)
    {
        var hash = names.LookupHash(userName);
        var now = time.GetUtcNow();
        var guard = await db.SignInGuards.FirstOrDefaultAsync(g => g.NameHash == hash, ct).ConfigureAwait(false);
        if (guard?.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return SignInResult.Locked(lockedUntil - now);
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.UserNameHash == hash && u.Active, ct).ConfigureAwait(false);
        var check = PasswordCheck.Failed;
        if (user is null)
        {
            passwords.Decoy(password);
        }
        else
        {
            check = passwords.Verify(user.PasswordHash, password);
        }

        if (check == PasswordCheck.Failed)
        {
            var lockedFor = await CountFailureAsync(guard, hash, user, clientAddress, now, ct).ConfigureAwait(false);
            return lockedFor > TimeSpan.Zero ? SignInResult.Locked(lockedFor) : SignInResult.Failed;
        }

        if (guard is not null)
        {
            db.SignInGuards.Remove(guard);
        }

        if (check == PasswordCheck.VerifiedNeedsRehash)
        {
            user!.PasswordHash = passwords.Hash(password);
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var session = new SessionRow { Id = Guid.CreateVersion7(now), TokenHash = HashSecret(token), UserId = user!.Id, CreatedAt = now, ExpiresAt = IdleDeadline(user.Role, now, now) };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return SignInResult.SignedIn(new Session(token, session.ExpiresAt, user.Role, user.Id, names.DisplayName(user)));
    }

    /// <summary>Counts a failure against the name, locks it when the count calls for it, and audits both; answers the lock.</summary>
    private async Task<TimeSpan> CountFailureAsync(SignInGuardRow? guard, string nameHash, UserRow? user, string? clientAddress, DateTimeOffset now, CancellationToken ct)
    {
        if (guard is null)
        {
            guard = new SignInGuardRow { NameHash = nameHash };
            db.SignInGuards.Add(guard);
        }

        guard.Failures = SignInLockout.CountedFailures(guard.Failures, guard.LastFailureAt, now) + 1;
        guard.LastFailureAt = now;
        var lockFor = SignInLockout.LockAfter(guard.Failures);
        guard.LockedUntil = lockFor > TimeSpan.Zero ? now + lockFor : null;

        // Ids and keyed hashes only: neither the name typed nor the address appears in the audit log.
        var subject = user?.Id.ToString() ?? "name:" + nameHash[..16];
        var events = new List<AuditEvent>
        {
            new("anonymous", "auth.sign-in-failed", "user", subject, new { guard.Failures, KnownAccount = user is not null, Address = clientAddress is null ? null : hasher.Hash("ip", clientAddress)[..16] }),
        };
        if (lockFor > TimeSpan.Zero)
        {
            events.Add(new("system:sign-in", "auth.locked", "user", subject, new { guard.Failures, LockedMinutes = lockFor.TotalMinutes }));
        }

        try
        {
            await AuditLog.SaveWithAsync(db, events, now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // A parallel failure created the name's row first: count this one on it.
            db.ChangeTracker.Clear();
            var existing = await db.SignInGuards.FirstAsync(g => g.NameHash == nameHash, ct).ConfigureAwait(false);
            return await CountFailureAsync(existing, nameHash, user is null ? null : await db.Users.FirstAsync(u => u.Id == user.Id, ct).ConfigureAwait(false), clientAddress, now, ct).ConfigureAwait(false);
        }

        return lockFor;
    }

    public async Task<Actor?> ActorForTokenAsync(string token, CancellationToken ct)
    {
        var hash = HashSecret(token);
        var now = time.GetUtcNow();
        if (sessionCache.TryGet(hash, now, out var cached) && !SlideDue(cached!.Actor.Role, cached.CreatedAt, cached.ExpiresAt, now))
        {
            return cached.Actor;
        }

        var generation = sessionCache.Generation;
        var found = await db.Sessions.AsNoTracking()
            .Where(s => s.TokenHash == hash && s.RevokedAt == null && s.ExpiresAt > now)
            .Join(db.Users.Where(u => u.Active), s => s.UserId, u => u.Id, (s, u) => new { s.Id, s.CreatedAt, s.ExpiresAt, User = u })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var user = found.User;
        var actor = new Actor(user.Role, user.Id, user.DealerId, user.CustomerId, names.DisplayName(user));
        var expiresAt = found.ExpiresAt;
        if (SlideDue(user.Role, found.CreatedAt, expiresAt, now))
        {
            var deadline = IdleDeadline(user.Role, found.CreatedAt, now);
            var moved = await db.Sessions.Where(s => s.Id == found.Id && s.RevokedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, deadline), ct).ConfigureAwait(false);
            if (moved == 0)
            {
                return actor;
            }

            expiresAt = deadline;
        }

        // A customer's account is linked to their customer record by their first application: not kept until then.
        if (user.Role != Roles.Customer || user.CustomerId is not null)
        {
            sessionCache.Set(hash, new SessionCache.Entry(actor, found.CreatedAt, expiresAt, now, generation));
        }

        return actor;
    }

    /// <summary>Whether a use now moves the session's idle deadline (by more than <see cref="IdleSlideStep"/>).</summary>
    private bool SlideDue(string role, DateTimeOffset createdAt, DateTimeOffset expiresAt, DateTimeOffset now) =>
        (IdleDeadline(role, createdAt, now) - expiresAt).Duration() > IdleSlideStep;

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
        sessionCache.Forget();
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
    /// Asks for a registration code. The answer is the same whether or not the number can be registered: a number
    /// already registered gets no code (the request is only recorded and throttled alike), so the answer never tells
    /// a stranger which numbers are customers.
    /// </summary>
    public async Task<CodeSendResult> RequestRegistrationCodeAsync(string mobile, string? clientAddress, CancellationToken ct)
    {
        var registered = await db.Users.AnyAsync(u => u.UserNameHash == names.LookupHash(mobile), ct).ConfigureAwait(false);
        return await codes.SendAsync(CodePurpose.Registration, mobile, clientAddress, ct, deliver: !registered).ConfigureAwait(false);
    }

    /// <summary>
    /// Registers a customer who proved the mobile with a registration code. A number already registered never got a
    /// code, so it fails as a wrong code does: the same neutral answer.
    /// </summary>
    public async Task<RegistrationResult> RegisterWithCodeAsync(string mobile, string code, string password, string displayName, CancellationToken ct)
    {
        if (PasswordPolicy.Problem(password, mobile, CommonPasswordList.Instance) is { } problem)
        {
            return new RegistrationResult(null, "password", problem.Code, problem.Message);
        }

        var check = await codes.VerifyAsync(CodePurpose.Registration, mobile, code, ct).ConfigureAwait(false);
        if (check != CodeCheck.Verified)
        {
            return new RegistrationResult(null, "code", CodeProblem.CodeOf(check), CodeProblem.MessageOf(check));
        }

        var (userId, taken) = await RegisterCustomerAsync(mobile, password, displayName, ct).ConfigureAwait(false);
        return userId is null
            ? new RegistrationResult(null, "code", CodeProblem.CodeOf(CodeCheck.NoCode), CodeProblem.MessageOf(CodeCheck.NoCode))
            : new RegistrationResult(userId, null, null, null);
    }

    /// <summary>
    /// Creates a customer account (the customer record is linked on their first application). The mobile is checked
    /// for uniqueness by its keyed hash, the same value sign-in looks up. The mobile must have been proved first
    /// (<see cref="RegisterWithCodeAsync"/>); demo data and tests call this directly.
    /// </summary>
    public async Task<(Guid? UserId, string? Problem)> RegisterCustomerAsync(string userName, string password, string displayName, CancellationToken ct)
    {
        var hash = names.LookupHash(userName);
        if (await db.Users.AnyAsync(u => u.UserNameHash == hash, ct).ConfigureAwait(false))
        {
            return (null, "is already taken");
        }

        var now = time.GetUtcNow();
        var user = names.NewUser(Guid.CreateVersion7(now), userName, passwords.Hash(password), Roles.Customer, displayName, now);
        db.Users.Add(user);
        try
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent("user:" + user.Id, "auth.registered", "user", user.Id.ToString(), new { Role = Roles.Customer })], now, ct).ConfigureAwait(false);
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
