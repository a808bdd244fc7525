using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoFinance.Infrastructure.Models;

/// <summary>
/// Keeps this node scoring with the registry's active model: a promotion or rollback made on another node is picked
/// up within <see cref="Interval"/>, without a restart (the node that made it switches at once).
/// </summary>
public sealed class ModelRegistrySync(IServiceScopeFactory scopes, ILogger<ModelRegistrySync> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ModelRegistry>().SyncAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The model registry could not be read; decisions keep the model they have");
            }
        }
    }
}
