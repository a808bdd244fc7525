using AutoFinance.Application.Origination;

namespace AutoFinance.Web.Hosting;

/// <summary>
/// Migrates the database, seeds demo data and loads the credit model before the host starts serving, then opens
/// <see cref="Readiness"/>. It is the first hosted service to start; the workers after it wait for readiness anyway.
/// </summary>
public sealed class DatabasePreparation(WebApplicationHolder holder, Readiness readiness) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var app = holder.App!;
        await WebHost.PrepareAsync(app, cancellationToken).ConfigureAwait(false);
        _ = app.Services.GetRequiredService<ModelSet>();
        readiness.Open();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Gives the preparation step the built application (its configuration and services).</summary>
public sealed class WebApplicationHolder
{
    public WebApplication? App { get; set; }
}
