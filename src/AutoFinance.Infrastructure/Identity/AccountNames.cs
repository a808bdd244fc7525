using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;

namespace AutoFinance.Infrastructure.Identity;

/// <summary>
/// How an account's names are kept at rest. One rule for every account, customer or staff: the sign-in name is stored
/// as a keyed hash of its normalised form (for sign-in and the uniqueness check) beside its encrypted value (for the
/// pages that show it), and the display name is stored encrypted. A customer's sign-in name is their mobile, so
/// neither a mobile nor a name is ever plain in the <c>users</c> table.
/// </summary>
public sealed class AccountNames(ILookupHasher hasher, IPersonalDataProtector protector)
{
    private const string HashKind = "user-name";

    /// <summary>A mobile in its 11-digit form (so <c>+86 138 0013 8000</c> signs in as <c>13800138000</c>); any other name trimmed.</summary>
    public static string Normalize(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return MobileNumber.Normalize(userName) ?? userName.Trim();
    }

    /// <summary>The value a user is looked up by: the keyed hash of the normalised sign-in name.</summary>
    public string LookupHash(string userName) => hasher.Hash(HashKind, Normalize(userName));

    public UserRow NewUser(Guid id, string userName, string passwordHash, string role, string displayName, DateTimeOffset now) => new()
    {
        Id = id,
        UserNameHash = LookupHash(userName),
        UserNameCipher = protector.Protect(Normalize(userName)),
        PasswordHash = passwordHash,
        Role = role,
        DisplayNameCipher = protector.Protect(displayName),
        CreatedAt = now,
    };

    public string UserName(UserRow user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return protector.Unprotect(user.UserNameCipher);
    }

    public string DisplayName(UserRow user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return DisplayName(user.DisplayNameCipher);
    }

    public string DisplayName(string displayNameCipher) => protector.Unprotect(displayNameCipher);

    /// <summary>Anonymises an erased customer's account: the hash can never match a name again and both values say "erased".</summary>
    public void Erase(UserRow user)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.UserNameHash = $"erased:{user.Id:N}";
        user.UserNameCipher = protector.Protect("erased");
        user.DisplayNameCipher = protector.Protect("erased");
        user.Active = false;
    }
}
