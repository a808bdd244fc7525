using AutoFinance.Infrastructure.Messaging;

namespace AutoFinance.Web.Hosting;

/// <summary>
/// Delivers the outbox in the background every few seconds (Outbox:IntervalSeconds; Outbox:Enabled=false stops it),
/// from when the platform is ready (the outbox table exists).
/// </summary>
public sealed partial class OutboxWorker(IServiceScopeFactory scopes, IConfiguration configuration, Readiness readiness, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.Equals(configuration["Outbox:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Outbox:IntervalSeconds", 5), 1, 3600));
        try
        {
            await readiness.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var result = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(200, stoppingToken).ConfigureAwait(false);
                if (result.Sent + result.Failed > 0)
                {
                    Dispatched(logger, result.Sent, result.Retrying, result.Failed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A bad round (database briefly away) must not stop delivery for good.
            catch (Exception e)
#pragma warning restore CA1031
            {
                RoundFailed(logger, e);
            }

            await Task.Delay(interval, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: {Sent} sent, {Retrying} to retry, {Failed} failed")]
    private static partial void Dispatched(ILogger logger, int sent, int retrying, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox round failed; retrying next round")]
    private static partial void RoundFailed(ILogger logger, Exception e);
}
