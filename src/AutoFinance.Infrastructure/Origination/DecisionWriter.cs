using System.Threading.Channels;
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
    public const int MaxBatch = 128;

    private readonly Channel<(DecisionRows.Prepared Record, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(DecisionRows.Prepared, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly IServiceScopeFactory _scopes;
    private readonly Task _loop;

    public DecisionWriter(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _loop = Task.Run(RunAsync);
    }

    public Task WriteAsync(DecisionRows.Prepared record, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((record, done)))
        {
            throw new InvalidOperationException("the decision writer has stopped");
        }

        return done.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<(DecisionRows.Prepared Record, TaskCompletionSource Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await SaveAsync(batch).ConfigureAwait(false);
                batch.ForEach(b => b.Done.TrySetResult());
            }
#pragma warning disable CA1031 // Every waiting request must get an answer, whatever the failure.
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var item in batch)
                {
                    try
                    {
                        await SaveAsync([item]).ConfigureAwait(false);
                        item.Done.TrySetResult();
                    }
                    catch (Exception e)
                    {
                        item.Done.TrySetException(Translate(item.Record, e));
                    }
                }
            }
            catch (Exception e)
            {
                batch.ForEach(b => b.Done.TrySetException(Translate(b.Record, e)));
            }
#pragma warning restore CA1031
        }
    }

    private async Task SaveAsync(IReadOnlyList<(DecisionRows.Prepared Record, TaskCompletionSource Done)> batch)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var notifications = scope.ServiceProvider.GetService<Notifications.NotificationOptions>() ?? new Notifications.NotificationOptions();
        await AuditLog.SerialisedAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            var audit = await AuditLog.ChainAsync(db, batch.SelectMany(b => b.Record.Audit), batch[0].Record.Record.SubmittedAt, CancellationToken.None).ConfigureAwait(false);
            await DecisionRows.WriteAsync(db, [.. batch.Select(b => b.Record)], audit, notifications, CancellationToken.None).ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    private static Exception Translate(DecisionRows.Prepared prepared, Exception e) =>
        prepared.Record.Idempotency is not null && UniqueViolation.Is(e, "idempotency")
            ? new IdempotencyConflictException("the idempotency key was stored by another request", e)
            : e;
}
