using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.ServiceDesk;

namespace AutoFinance.Web.Hosting;

/// <summary>
/// The service desk's background work, every <see cref="ServiceDeskOptions.EscalationCheckSeconds"/> seconds: the
/// escalation check (breached cases raised to their ladder level, audited) and the survey triggers (surveys for
/// recent decisions and first payments). Reading a case always shows its live SLA state, whatever this last did.
/// It starts when the platform is ready (<see cref="Readiness"/>).
/// </summary>
public sealed partial class ServiceDeskJobs(IServiceScopeFactory scopes, ServiceDeskOptions options, TimeProvider time, Readiness readiness, ILogger<ServiceDeskJobs> logger) : BackgroundService
{
    private static readonly Actor Checker = new("system", null, null, null, "escalation check");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.EscalationCheckSeconds <= 0)
        {
            return;
        }

        try
        {
            await readiness.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.EscalationCheckSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var run = await scope.ServiceProvider.GetRequiredService<CaseCommands>().EscalateAsync(Checker, stoppingToken).ConfigureAwait(false);
                var surveys = await SurveyTriggers.SweepAsync(scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>(), time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                if (run.Escalated > 0 || surveys > 0)
                {
                    Ran(run.Escalated, surveys);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed run is logged and the next one tries again; the host must keep serving.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Failed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Service desk check: {Escalated} cases escalated, {Surveys} surveys requested")]
    private partial void Ran(int escalated, int surveys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service desk check failed; the next run tries again")]
    private partial void Failed(Exception e);
}
