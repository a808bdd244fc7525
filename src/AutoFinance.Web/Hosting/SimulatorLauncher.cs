using AutoFinance.Infrastructure.Partners;

namespace AutoFinance.Web.Hosting;

/// <summary>
/// Starts the partner simulator as a child process when <c>Partners:Simulator:Launch</c> is on (the default of the run
/// command), so one command brings up the platform and the parties it talks to; stops it with the platform.
/// Production turns it off and points each party's <c>BaseUrl</c> at the real one.
/// </summary>
public sealed class SimulatorLauncher(PartnerDirectory partners, ILogger<SimulatorLauncher> logger) : IHostedService, IAsyncDisposable
{
    private SimulatorProcess? _simulator;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!partners.LaunchSimulator)
        {
            return;
        }

        _simulator = await SimulatorProcess.StartAsync(partners.SimulatorUrls, partners.SettingsAsArguments(), TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        partners.UseLaunchedSimulator(_simulator.Address);
        logger.LogInformation("Partner simulator started at {Address}", _simulator.Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_simulator is { } simulator)
        {
            _simulator = null;
            await simulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
