using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>The origination store on EF Core: indexed lookups for the checks, and one transaction per decision.</summary>
public sealed class EfOriginationStore(AutoFinanceDbContext db, ProductCatalog products, DecisionWriter writer) : IOriginationStore
{
    public static readonly string[] OpenStatuses = ["approved", "referred"];
    public static readonly string[] ClosedContractStatuses = ["closed", "cancelled"];

    public Task<int> CountSinceAsync(VelocityKey key, string value, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var recent = db.Applications.AsNoTracking().Where(a => a.SubmittedAt >= since);
        recent = key switch
        {
            VelocityKey.NationalId => recent.Where(a => a.NationalIdHash == value),
            VelocityKey.Mobile => recent.Where(a => a.MobileHash == value),
            VelocityKey.Device => recent.Where(a => a.DeviceIdHash == value),
            VelocityKey.ClientIp => recent.Where(a => a.ClientIpHash == value),
            _ => Guid.TryParse(value, out var dealer) ? recent.Where(a => a.DealerId == dealer) : recent.Where(_ => false),
        };
        return recent.CountAsync(cancellationToken);
    }

    public Task<bool> IsBlacklistedAsync(string kind, string valueHash, CancellationToken cancellationToken) =>
        db.Blacklist.AsNoTracking().AnyAsync(b => b.Kind == kind && b.ValueHash == valueHash && b.RemovedAt == null, cancellationToken);

    public Task<bool> IsVinFinancedAsync(string vinHash, CancellationToken cancellationToken) =>
        db.Contracts.AsNoTracking().AnyAsync(c => c.VinHash == vinHash && !ClosedContractStatuses.Contains(c.Status), cancellationToken);

    public async Task<bool> HasOpenApplicationAsync(string nationalIdHash, string vinHash, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var open = await db.Applications.AsNoTracking()
            .Where(a => a.NationalIdHash == nationalIdHash && a.VinHash == vinHash && a.SubmittedAt >= since && OpenStatuses.Contains(a.Status))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (open.Count == 0)
        {
            return false;
        }

        var takenUp = await db.Contracts.AsNoTracking().Where(c => open.Contains(c.ApplicationId)).Select(c => c.ApplicationId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return open.Except(takenUp).Any();
    }

    public Task<string?> CustomerNameHashAsync(string nationalIdHash, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().Where(c => c.NationalIdHash == nationalIdHash).Select(c => c.FullNameHash).FirstOrDefaultAsync(cancellationToken);

    public Task<Guid?> CustomerIdAsync(string nationalIdHash, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().Where(c => c.NationalIdHash == nationalIdHash).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<ProductSettings?> FindProductAsync(string code, CancellationToken cancellationToken) => products.FindAsync(db, code, cancellationToken);

    public async Task<StoredResponse?> FindResponseAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var row = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(i => i.Scope == scope && i.Key == key, cancellationToken).ConfigureAwait(false);
        return row is null ? null : new StoredResponse(row.RequestHash, row.StatusCode, row.ResponseJson);
    }

    public Task SaveAsync(DecisionRecord record, CancellationToken cancellationToken) => writer.WriteAsync(record, cancellationToken);
}
