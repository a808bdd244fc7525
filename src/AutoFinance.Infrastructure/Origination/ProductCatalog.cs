using System.Collections.Concurrent;
using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>Products as configured in the database, read once and kept; <see cref="Forget"/> after a change.</summary>
public sealed class ProductCatalog
{
    private readonly ConcurrentDictionary<string, ProductSettings> _cache = new(StringComparer.Ordinal);

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

    public void Forget(string code) => _cache.TryRemove(code, out _);

    public static ProductSettings ToSettings(ProductRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new ProductSettings(
            row.Code,
            row.Name,
            Json.Deserialize<ProductPolicy>(row.PolicyJson) ?? throw new InvalidOperationException($"product {row.Code} has no policy"),
            Json.Deserialize<RateCard>(row.RateCardJson) ?? throw new InvalidOperationException($"product {row.Code} has no rate card"),
            Json.Deserialize<DecisionRules>(row.RulesJson) ?? DecisionRules.Default);
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
        };
    }
}
