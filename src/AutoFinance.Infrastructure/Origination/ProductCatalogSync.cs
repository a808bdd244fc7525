using AutoFinance.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>
/// Keeps this node's product cache in step with the database: a product change approved on another node is picked up
/// within the interval (<c>Products:SyncSeconds</c>, 30 by default), without a restart; the node that approved it
/// forgets the product at once.
/// </summary>
public sealed class ProductCatalogSync(IServiceScopeFactory scopes, ProductCatalog catalog, IConfiguration configuration, ILogger<ProductCatalogSync> logger) : BackgroundService
{
    public const int DefaultSeconds = 30;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Products:SyncSeconds", DefaultSeconds);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await catalog.SyncAsync(scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>(), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The products could not be read; decisions keep the product terms they have");
            }
        }
    }
}
