using AutoFinance.Application.Origination;

namespace AutoFinance.Web.Hosting;

/// <summary>
/// Migrates the database, seeds demo data and loads the credit model (the registry's active one, when a model was promoted) before the host starts serving, then opens
/// <see cref="Readiness"/>. It is the first hosted service to start; the workers after it wait for readiness anyway.
/// </summary>
public sealed class DatabasePreparation(WebApplicationHolder holder, Readiness readiness) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var app = holder.App!;
        await WebHost.PrepareAsync(app, cancellationToken).ConfigureAwait(false);
        _ = app.Services.GetRequiredService<ModelSet>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A model promoted in the registry wins over the configured file, from the first decision on.
            await scope.ServiceProvider.GetRequiredService<Infrastructure.Models.ModelRegistry>().SyncAsync(cancellationToken).ConfigureAwait(false);
        }

        readiness.Open();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Gives the preparation step the built application (its configuration and services).</summary>
public sealed class WebApplicationHolder
{
    public WebApplication? App { get; set; }
}
