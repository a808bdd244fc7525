using AutoFinance.Application.Origination;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>
/// Group commit of decisions: concurrent requests hand their decisions to one writer, which stores whatever has
/// queued up in one transaction (one fsync) with their audit entries chained in order, and only then answers each
/// request. A decision is never acknowledged before it is durable. If a batch fails (say, two retries of one
/// idempotency key), its decisions are stored one by one so only the offending one fails.
/// </summary>
public sealed class DecisionWriter : IAsyncDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly BatchedWrites<DecisionRows.Prepared> _writes;

    public DecisionWriter(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _writes = new BatchedWrites<DecisionRows.Prepared>("decisions", SaveAsync, Translate);
    }

    public Task WriteAsync(DecisionRows.Prepared record, CancellationToken ct) => _writes.WriteAsync(record, ct);

    public ValueTask DisposeAsync() => _writes.DisposeAsync();

    private async Task SaveAsync(IReadOnlyList<DecisionRows.Prepared> batch)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var notifications = scope.ServiceProvider.GetService<Notifications.NotificationOptions>() ?? new Notifications.NotificationOptions();
        await AuditLog.SerialisedAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            var audit = await AuditLog.ChainAsync(db, batch.SelectMany(b => b.Audit), batch[0].Record.SubmittedAt, CancellationToken.None).ConfigureAwait(false);
            await DecisionRows.WriteAsync(db, batch, audit, notifications, CancellationToken.None).ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    private static Exception Translate(DecisionRows.Prepared prepared, Exception e) =>
        prepared.Record.Idempotency is not null && UniqueViolation.Is(e, "idempotency")
            ? new IdempotencyConflictException("the idempotency key was stored by another request", e)
            : e;
}
