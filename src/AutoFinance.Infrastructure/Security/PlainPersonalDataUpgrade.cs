using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Security;

/// <summary>
/// Finishes the <c>PersonalDataAtRest</c> migration on a database that held plain names and notes: the migration marks
/// each such value <c>plain:</c> (SQL has no access to the keys), and this rewrites it as its keyed hash and encrypted
/// value. Runs at every start after migrating and finds nothing to do once done. Ciphertexts and hashes never start
/// with the marker (base64url and hex).
/// </summary>
public static class PlainPersonalDataUpgrade
{
    private const string Marker = "plain:";

    public static async Task<int> RunAsync(AutoFinanceDbContext db, AccountNames names, IPersonalDataProtector protector, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(protector);
        var users = await db.Users.Where(u => u.UserNameHash.StartsWith(Marker)).ToListAsync(ct).ConfigureAwait(false);
        foreach (var user in users)
        {
            var sealedNames = names.NewUser(user.Id, Plain(user.UserNameHash), user.PasswordHash, user.Role, Plain(user.DisplayNameCipher), user.CreatedAt);
            user.UserNameHash = sealedNames.UserNameHash;
            user.UserNameCipher = sealedNames.UserNameCipher;
            user.DisplayNameCipher = sealedNames.DisplayNameCipher;
        }

        var contacts = await db.CollectionContacts.Where(c => c.NoteCipher != null && c.NoteCipher.StartsWith(Marker)).ToListAsync(ct).ConfigureAwait(false);
        foreach (var contact in contacts)
        {
            contact.NoteCipher = protector.Protect(Plain(contact.NoteCipher!));
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return users.Count + contacts.Count;
    }

    private static string Plain(string marked) => marked.StartsWith(Marker, StringComparison.Ordinal) ? marked[Marker.Length..] : marked;
}
