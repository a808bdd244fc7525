using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Web.Hosting;

/// <summary>
/// Anchors the audit chain's head outside the database on a cadence: every <see cref="AuditOptions.PollSeconds"/> it
/// looks at the head and writes a checkpoint once <see cref="AuditOptions.CheckpointEntries"/> entries were added or
/// <see cref="AuditOptions.CheckpointMinutes"/> passed with new ones, after checking the entries since the last one.
/// </summary>
public sealed partial class AuditCheckpointJob(IServiceScopeFactory scopes, AuditOptions options, TimeProvider time, ILogger<AuditCheckpointJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CheckpointsEnabled || options.PollSeconds <= 0)
        {
            return;
        }

        long anchored = 0;
        var anchoredAt = time.GetUtcNow();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.PollSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
                var head = await db.AuditEntries.AsNoTracking().MaxAsync(e => (long?)e.Sequence, stoppingToken).ConfigureAwait(false) ?? 0;
                var due = head - anchored >= options.CheckpointEntries || (head > anchored && time.GetUtcNow() - anchoredAt >= TimeSpan.FromMinutes(options.CheckpointMinutes));
                if (!due)
                {
                    continue;
                }

                var result = await scope.ServiceProvider.GetRequiredService<AuditAnchoring>().CheckpointAsync(db, stoppingToken).ConfigureAwait(false);
                if (result.Intact)
                {
                    anchored = result.AnchoredThrough ?? head;
                    anchoredAt = time.GetUtcNow();
                }
                else
                {
                    Broken(result.FirstBrokenSequence, result.Kind, result.Problem);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round (database briefly away, not yet migrated) is logged; the next one tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Failed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Audit chain broken at entry {Sequence} ({Kind}): {Problem}; no checkpoint written")]
    private partial void Broken(long? sequence, string? kind, string? problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit checkpoint round failed; retrying next round")]
    private partial void Failed(Exception e);
}
