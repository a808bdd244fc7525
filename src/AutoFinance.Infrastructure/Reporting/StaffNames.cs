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
}
