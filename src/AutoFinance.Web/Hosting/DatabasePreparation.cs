namespace AutoFinance.Web.Hosting;

/// <summary>Migrates the database and seeds demo data before the host starts serving.</summary>
public sealed class DatabasePreparation(WebApplicationHolder holder) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => WebHost.PrepareAsync(holder.App!, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Gives the preparation step the built application (its configuration and services).</summary>
public sealed class WebApplicationHolder
{
    public WebApplication? App { get; set; }
}
