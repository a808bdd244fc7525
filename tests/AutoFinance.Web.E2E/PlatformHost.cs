using System.Net;
using AutoFinance.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.E2E;

/// <summary>
/// The whole platform on Kestrel on a free loopback port, over a fresh SQLite database in a temporary directory,
/// seeded with the demo data; its clock is the real one moved on by <see cref="ShiftedClock.Offset"/>.
/// </summary>
public sealed class PlatformHost : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"autofinance-e2e-{Guid.NewGuid():N}");

    private PlatformHost()
    {
    }

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public ShiftedClock Clock { get; } = new();

    public static async Task<PlatformHost> StartAsync()
    {
        var host = new PlatformHost();
        Directory.CreateDirectory(host._directory);
        host.App = WebHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--Database:Provider=Sqlite",
            $"--ConnectionStrings:Default=Data Source={Path.Combine(host._directory, "autofinance.db")}",
            $"--Security:KeysPath={Path.Combine(host._directory, "keys")}",
            "--Logging:LogLevel:Default=Warning",
            "--Partners:Simulator:Url=http://127.0.0.1:0",
            // The journeys run on the real time of day; without quiet hours a reminder shows whenever they run.
            "--Notifications:QuietHours:Start=00:00",
            "--Notifications:QuietHours:End=00:00",
            // Every journey signs in, and the demo data hashes a password for each of its accounts: a light work factor.
            "--Security:PasswordHashIterations=100",
        ], builder => builder.Services.AddSingleton<TimeProvider>(host.Clock));
        await host.App.StartAsync();
        var addresses = host.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        host.BaseAddress = new Uri(addresses.Addresses.First(a => a.Contains(IPAddress.Loopback.ToString(), StringComparison.Ordinal)));
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by SQLite's pool is left to the temp cleaner.
        }
    }
}

/// <summary>The real clock moved on by an offset, so instalments fall due while the browser's cookies stay valid.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().UtcDateTime);
}
