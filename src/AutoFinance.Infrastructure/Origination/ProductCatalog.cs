using System.Collections.Concurrent;
using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>
/// Products as configured in the database, read once and kept; <see cref="Forget"/> after a change. A product's
/// current version is what new applications are decided under; a version, once made, never changes, so versions are
/// kept for good (<see cref="FindVersionAsync"/>).
/// </summary>
public sealed class ProductCatalog
{
    private readonly ConcurrentDictionary<string, ProductSettings> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Code, int Version), ProductSettings> _versions = new();

    public async Task<ProductSettings?> FindAsync(AutoFinanceDbContext db, string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_cache.TryGetValue(code, out var cached))
        {
            return cached;
        }

        var row = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code && p.Active, ct).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var settings = ToSettings(row);
        _cache[code] = settings;
        return settings;
    }

    /// <summary>
    /// The terms of one version of a product, retired or not; null when the product never had it. A product written
    /// without its version rows (before versions existed) answers its current terms for its current version.
    /// </summary>
    public async Task<ProductSettings?> FindVersionAsync(AutoFinanceDbContext db, string code, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_versions.TryGetValue((code, version), out var cached))
        {
            return cached;
        }

        var row = await db.ProductVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Code == code && v.Version == version, ct).ConfigureAwait(false);
        ProductSettings? settings;
        if (row is not null)
        {
            settings = ToSettings(row);
        }
        else
        {
            var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code && p.CurrentVersion == version, ct).ConfigureAwait(false);
            if (product is null)
            {
                return null;
            }

            settings = ToSettings(product);
        }

        _versions[(code, version)] = settings;
        return settings;
    }

    public void Forget(string code) => _cache.TryRemove(code, out _);

    /// <summary>
    /// Forgets every kept product whose stored current version or state is no longer the one kept, so a change
    /// approved on another node reaches this one without a restart. It reads one short stamp per product (code,
    /// current version, active), never the terms; the next <see cref="FindAsync"/> reads the new terms. Answers how
    /// many were forgotten.
    /// </summary>
    public async Task<int> SyncAsync(AutoFinanceDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_cache.IsEmpty)
        {
            return 0;
        }

        var stamps = (await db.Products.AsNoTracking().Where(p => p.Active).Select(p => new { p.Code, p.CurrentVersion }).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(p => p.Code, p => p.CurrentVersion, StringComparer.Ordinal);
        var forgotten = 0;
        foreach (var (code, kept) in _cache)
        {
            if (!stamps[code].Contains(kept.Version) && _cache.TryRemove(code, out _))
            {
                forgotten++;
            }
        }

        return forgotten;
    }

    public static ProductSettings ToSettings(ProductRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Settings(row.Code, row.Name, row.PolicyJson, row.RateCardJson, row.RulesJson, row.CurrentVersion);
    }

    public static ProductSettings ToSettings(ProductVersionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Settings(row.Code, row.Name, row.PolicyJson, row.RateCardJson, row.RulesJson, row.Version);
    }

    private static ProductSettings Settings(string code, string name, string policy, string rateCard, string rules, int version) =>
        new(
            code,
            name,
            Json.Deserialize<ProductPolicy>(policy) ?? throw new InvalidOperationException($"product {code} has no policy"),
            Json.Deserialize<RateCard>(rateCard) ?? throw new InvalidOperationException($"product {code} has no rate card"),
            Json.Deserialize<DecisionRules>(rules) ?? DecisionRules.Default)
        {
            Version = version,
        };

    /// <summary>The immutable version row of <paramref name="settings"/>, made by <paramref name="proposedBy"/> for <paramref name="reason"/>.</summary>
    public static ProductVersionRow ToVersionRow(ProductSettings settings, Guid productId, DateTimeOffset effectiveFrom, string proposedBy, string? approvedBy, string reason)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ProductVersionRow
        {
            Id = Guid.CreateVersion7(effectiveFrom),
            ProductId = productId,
            Code = settings.Code,
            Version = settings.Version,
            Name = settings.Name,
            PolicyJson = Json.Serialize(settings.Policy),
            RateCardJson = Json.Serialize(settings.RateCard),
            RulesJson = Json.Serialize(settings.Rules),
            EffectiveFrom = effectiveFrom,
            ProposedBy = proposedBy,
            ApprovedBy = approvedBy,
            Reason = reason,
        };
    }

    public static ProductRow ToRow(ProductSettings settings, Guid id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ProductRow
        {
            Id = id,
            Code = settings.Code,
            Name = settings.Name,
            PolicyJson = Json.Serialize(settings.Policy),
            RateCardJson = Json.Serialize(settings.RateCard),
            RulesJson = Json.Serialize(settings.Rules),
            CurrentVersion = settings.Version,
        };
    }
}
