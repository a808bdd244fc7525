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

    public Task<FraudFacts> FraudFactsAsync(FraudQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return FraudFactsQuery.RunAsync(db, query, cancellationToken);
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
