using System.Threading.Channels;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// The loop of a group commit: requests queue an item and wait, one loop stores whatever has queued up in one call
/// (one transaction, one fsync), and each request is answered only once that call has returned. If a batch fails
/// (say, two requests racing for one idempotency key), its items are stored one by one, so only the offending one
/// fails, with the error <c>failure</c> makes of it.
/// </summary>
internal sealed class BatchedWrites<T> : IAsyncDisposable
{
    public const int MaxBatch = 128;

    private readonly Channel<(T Item, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(T, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly string _name;
    private readonly Func<IReadOnlyList<T>, Task> _store;
    private readonly Func<T, Exception, Exception> _failure;
    private readonly Task _loop;

    /// <param name="name">The writer's name in <see cref="WriterActivity"/>.</param>
    public BatchedWrites(string name, Func<IReadOnlyList<T>, Task> store, Func<T, Exception, Exception>? failure = null)
    {
        _name = name;
        _store = store;
        _failure = failure ?? ((_, e) => e);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues the item and completes once it is stored (or fails with why it could not be).</summary>
    public Task WriteAsync(T item, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((item, done)))
        {
            throw new InvalidOperationException("the group commit writer has stopped");
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
        var batch = new List<(T Item, TaskCompletionSource Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var queued))
            {
                batch.Add(queued);
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await _store([.. batch.Select(b => b.Item)]).ConfigureAwait(false);
                batch.ForEach(b => b.Done.TrySetResult());
            }
#pragma warning disable CA1031 // Every waiting request must get an answer, whatever the failure.
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var (item, done) in batch)
                {
                    try
                    {
                        await _store([item]).ConfigureAwait(false);
                        done.TrySetResult();
                    }
                    catch (Exception e)
                    {
                        done.TrySetException(_failure(item, e));
                    }
                }
            }
            catch (Exception e)
            {
                batch.ForEach(b => b.Done.TrySetException(_failure(b.Item, e)));
            }
#pragma warning restore CA1031

            WriterActivity.Stored(_name, batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }
}
