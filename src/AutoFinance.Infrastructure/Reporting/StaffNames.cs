using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Reporting;

/// <summary>
/// The display names of staff accounts by the name they carry in assignments and records (<see cref="Actor.AuditName"/>,
/// role:user-id), so a worklist can say "Collector Zhao" rather than an id. Staff only; customers never appear.
/// </summary>
public sealed class StaffNames(AutoFinanceDbContext db, AccountNames names)
{
    public async Task<IReadOnlyDictionary<string, string>> ByAuditNameAsync(CancellationToken ct)
    {
        var staff = await db.Users.AsNoTracking().Where(u => Roles.Staff.Contains(u.Role))
            .Select(u => new { u.Role, u.Id, u.DisplayNameCipher }).ToListAsync(ct).ConfigureAwait(false);
        return staff.ToDictionary(u => $"{u.Role}:{u.Id}", u => names.DisplayName(u.DisplayNameCipher), StringComparer.Ordinal);
    }

    /// <summary>The same names, for a page that shows who asked or decided.</summary>
    public async Task<StaffDirectory> DirectoryAsync(CancellationToken ct) => new(await ByAuditNameAsync(ct).ConfigureAwait(false));
}

/// <summary>Staff names by audit name; a name not found (a role without an account, a process) is shown as recorded.</summary>
public sealed record StaffDirectory(IReadOnlyDictionary<string, string> Names)
{
    public static readonly StaffDirectory Empty = new(new Dictionary<string, string>());

    public string Of(string auditName) => Names.TryGetValue(auditName, out var name) ? name : auditName;
}
