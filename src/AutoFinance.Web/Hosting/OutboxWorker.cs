using AutoFinance.Infrastructure.Messaging;
using AutoFinance.Infrastructure.Notifications;

namespace AutoFinance.Web.Hosting;

/// <summary>
/// Delivers the outbox in the background every few seconds (Outbox:IntervalSeconds; Outbox:Enabled=false stops it),
/// from when the platform is ready (the outbox table exists).
/// </summary>
public sealed partial class OutboxWorker(IServiceScopeFactory scopes, IConfiguration configuration, NotificationOptions notifications, Readiness readiness, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (notifications.Smtp is { } smtp)
        {
            EmailOn(logger, smtp.Host, smtp.Port);
        }
        else
        {
            EmailOff(logger);
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail notices are switched off: no mail server is configured (set Notifications:Smtp:Host, and Port, From, User, Password, Security); notices go to the inbox and by SMS only")]
    private static partial void EmailOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail notices go out through the mail server at {Host}:{Port}")]
    private static partial void EmailOn(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox round failed; retrying next round")]
    private static partial void RoundFailed(ILogger logger, Exception e);
}
