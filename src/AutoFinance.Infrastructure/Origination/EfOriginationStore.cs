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
public sealed class EfOriginationStore(AutoFinanceDbContext db, ProductCatalog products, DecisionWriter writer, IPersonalDataProtector protector) : IOriginationStore
{
    public static readonly string[] OpenStatuses = ["approved", "referred"];
    public static readonly string[] ClosedContractStatuses = ["closed", "cancelled"];

    public async Task<FraudFacts> FraudFactsAsync(FraudQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var h = query.Hashes;
        // A person's own keys match few rows, so they are fetched once and counted here; an IP address or a dealer
        // may match thousands, so those are counted by the database.
        var since = query.WindowStarts.Where(w => w.Key is VelocityKey.NationalId or VelocityKey.Mobile or VelocityKey.Device).Select(w => w.Value).Append(query.DuplicateSince).Min();
        // One indexed lookup per key, joined with UNION ALL: an OR across columns would scan the whole table.
        var recent = await Recent(a => a.NationalIdHash == h.NationalId, since)
            .Concat(Recent(a => a.MobileHash == h.Mobile && a.NationalIdHash != h.NationalId, since))
            .Concat(h.Device is null ? Recent(_ => false, since) : Recent(a => a.DeviceIdHash == h.Device && a.NationalIdHash != h.NationalId && a.MobileHash != h.Mobile, since))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<VelocityKey, int>();
        foreach (var (key, start) in query.WindowStarts)
        {
            counts[key] = key switch
            {
                VelocityKey.NationalId => recent.Count(a => a.NationalIdHash == h.NationalId && a.SubmittedAt >= start),
                VelocityKey.Mobile => recent.Count(a => a.MobileHash == h.Mobile && a.SubmittedAt >= start),
                VelocityKey.Device => recent.Count(a => a.DeviceIdHash == h.Device && a.SubmittedAt >= start),
                VelocityKey.ClientIp => await db.Applications.AsNoTracking().Where(a => a.ClientIpHash == h.ClientIp && a.SubmittedAt >= start)
                    .Take(query.CountCap.GetValueOrDefault(key, int.MaxValue - 1) + 1).CountAsync(cancellationToken).ConfigureAwait(false),
                _ => await db.Applications.AsNoTracking().Where(a => a.DealerId == query.DealerId && a.SubmittedAt >= start)
                    .Take(query.CountCap.GetValueOrDefault(key, int.MaxValue - 1) + 1).CountAsync(cancellationToken).ConfigureAwait(false),
            };
        }

        var hashes = new[] { h.NationalId, h.Mobile, h.Vin };
        var listed = await db.Blacklist.AsNoTracking().Where(b => b.RemovedAt == null && hashes.Contains(b.ValueHash)).Select(b => new { b.Kind, b.ValueHash })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var kinds = listed
            .Where(b => b.ValueHash == b.Kind switch { "national-id" => h.NationalId, "mobile" => h.Mobile, "vin" => h.Vin, _ => null })
            .Select(b => b.Kind)
            .ToHashSet(StringComparer.Ordinal);
        var vinFinanced = await db.Contracts.AsNoTracking().AnyAsync(c => c.VinHash == h.Vin && !ClosedContractStatuses.Contains(c.Status), cancellationToken).ConfigureAwait(false);
        var open = recent.Where(a => a.NationalIdHash == h.NationalId && a.VinHash == h.Vin && a.SubmittedAt >= query.DuplicateSince && OpenStatuses.Contains(a.Status)).Select(a => a.Id).ToList();
        var duplicate = open.Count > 0 && !await db.Contracts.AsNoTracking().AnyAsync(c => open.Contains(c.ApplicationId), cancellationToken).ConfigureAwait(false);
        var customer = await db.Customers.AsNoTracking().Where(c => c.NationalIdHash == h.NationalId).Select(c => new { c.Id, c.FullNameHash })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new FraudFacts(counts, kinds, vinFinanced, duplicate, customer?.Id, customer?.FullNameHash);
    }

    private IQueryable<RecentApplication> Recent(System.Linq.Expressions.Expression<Func<ApplicationRow, bool>> key, DateTimeOffset since) =>
        db.Applications.AsNoTracking().Where(key).Where(a => a.SubmittedAt >= since)
            .Select(a => new RecentApplication
            {
                Id = a.Id,
                NationalIdHash = a.NationalIdHash,
                MobileHash = a.MobileHash,
                DeviceIdHash = a.DeviceIdHash,
                VinHash = a.VinHash,
                Status = a.Status,
                SubmittedAt = a.SubmittedAt,
            });

    private sealed class RecentApplication
    {
        public Guid Id { get; init; }

        public string NationalIdHash { get; init; } = string.Empty;

        public string MobileHash { get; init; } = string.Empty;

        public string? DeviceIdHash { get; init; }

        public string VinHash { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public DateTimeOffset SubmittedAt { get; init; }
    }

    public Task<ProductSettings?> FindProductAsync(string code, CancellationToken cancellationToken) => products.FindAsync(db, code, cancellationToken);

    public async Task<StoredResponse?> FindResponseAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var row = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(i => i.Scope == scope && i.Key == key, cancellationToken).ConfigureAwait(false);
        return row is null ? null : new StoredResponse(row.RequestHash, row.StatusCode, row.ResponseJson);
    }

    public Task SaveAsync(DecisionRecord record, CancellationToken cancellationToken) =>
        writer.WriteAsync(DecisionRows.Prepare(protector, record), cancellationToken);
}
