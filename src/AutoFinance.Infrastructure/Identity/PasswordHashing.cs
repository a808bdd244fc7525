using Microsoft.AspNetCore.Identity;

namespace AutoFinance.Infrastructure.Identity;

/// <summary>
/// Password hashes in ASP.NET Core Identity's format (version 3: PBKDF2 with HMAC-SHA512 and a random salt, the
/// iteration count written into each hash), with the work factor set by <c>Security:PasswordHashIterations</c>.
/// A hash keeps the count it was made with, so raising the setting leaves every stored password valid; a sign-in with
/// an older, cheaper hash is told so (<see cref="PasswordCheck.VerifiedNeedsRehash"/>) and stores a new one.
/// </summary>
public sealed class PasswordHashing
{
    /// <summary>ASP.NET Core Identity's own default.</summary>
    public const int DefaultIterations = 100_000;

    private readonly PasswordHasher<UserRow> _hasher;
    private readonly Lazy<string> _decoy;

    public PasswordHashing(int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        _hasher = new PasswordHasher<UserRow>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = iterations }));
        _decoy = new Lazy<string>(() => Hash(Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));
    }

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(null!, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Verified,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.VerifiedNeedsRehash,
        _ => PasswordCheck.Failed,
    };

    /// <summary>Checks a password against a hash no account has, so an unknown name costs as long as a wrong password (no enumeration by timing).</summary>
    public void Decoy(string password) => _hasher.VerifyHashedPassword(null!, _decoy.Value, password);
}

public enum PasswordCheck
{
    Failed,
    Verified,

    /// <summary>Right, but hashed with fewer iterations than the platform now uses.</summary>
    VerifiedNeedsRehash,
}
