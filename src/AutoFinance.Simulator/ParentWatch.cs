using System.Diagnostics;

namespace AutoFinance.Simulator;

/// <summary>
/// Stops the simulator once the process that started it is gone (<c>Simulator:ParentProcessId</c>). A platform or test
/// run that stops normally kills its simulator; one killed outright (a crash, a cancelled run) cannot, and its
/// simulator would otherwise live on, holding its port and answering nobody.
/// </summary>
public sealed partial class ParentWatch(int parentId, IHostApplicationLifetime lifetime, ILogger<ParentWatch> logger) : BackgroundService
{
    public const string Setting = "Simulator:ParentProcessId";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Taken once: a process id freed by the parent and given to a newer process is not the parent.
        var started = StartOf(parentId);
        using var timer = new PeriodicTimer(Interval);
        while (started is not null && StartOf(parentId) == started && await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
        }

        if (!stoppingToken.IsCancellationRequested)
        {
            ParentGone(logger, parentId);
            lifetime.StopApplication();
        }
    }

    /// <summary>When the process with this id started; null when there is none.</summary>
    private static DateTime? StartOf(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited ? null : process.StartTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The process that started the simulator ({ParentId}) is gone: stopping.")]
    private static partial void ParentGone(ILogger logger, int parentId);
}
