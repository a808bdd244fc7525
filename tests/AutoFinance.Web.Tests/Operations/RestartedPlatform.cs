using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using AutoFinance.Application.Common;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Hosting.Scheduling;
using AutoFinance.Web.Tests.Servicing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoFinance.Web.Tests.Operations;

/// <summary>
/// One database and one address that hosts are started on and stopped again, on a clock the test moves: a platform
/// that goes down and comes back. The first host seeds the demo data with the scheduler off, as the platform ran
/// before; the hosts after it run the scheduler. Their clock reads Beijing time, as the platform's does. The address stays the same, as a lender's does, so the payment
/// provider's callbacks for a request sent before a restart reach the host after it.
/// </summary>
internal sealed class RestartedPlatform(string provider, DateTimeOffset start) : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"autofinance-restarted-{Guid.NewGuid():N}");
    private readonly string _database = PostgresPlatform.NewDatabaseName();
    private readonly int _port = FreePort();

    public MovableClock Clock { get; } = new(start);

    public Uri Address => new($"http://127.0.0.1:{_port}");

    private string Connection => provider == "Sqlite" ? $"Data Source={Path.Combine(_directory, "autofinance.db")}" : $"{PostgresPlatform.Server};Database={_database}";

    /// <summary>A host with the scheduler on (node host-back), or the first one with it off that seeds the demo (node host-before).</summary>
    public async Task<WebApplication> StartAsync(bool scheduler)
    {
        var app = WebHost.Build(
        [
            $"--urls={Address}", .. await TestSimulator.ArgumentsAsync(),
            $"--Database:Provider={provider}",
            $"--ConnectionStrings:Default={Connection}",
            $"--Security:KeysPath={Path.Combine(_directory, "keys")}",
            $"--Files:Path={Path.Combine(_directory, "files")}",
            "--Outbox:Enabled=false",
            "--ServiceDesk:EscalationCheckSeconds=0",
            "--Payouts:ResendCheckSeconds=0",
            $"--Scheduler:Enabled={(scheduler ? "true" : "false")}",
            $"--Scheduler:Node={(scheduler ? "host-back" : "host-before")}",
            $"--Demo:Seed={(scheduler ? "false" : "true")}",
            "--Demo:StoryBook=false",
            PlatformFixture.PasswordHashArgument,
            "--Logging:LogLevel:Default=Warning",
        ], builder => builder.Services.AddSingleton<TimeProvider>(new BusinessClock(Clock, TimeZoneInfo.FindSystemTimeZoneById(BusinessClock.DefaultZone))));
        await app.StartAsync();
        return app;
    }

    /// <summary>A scheduled run that succeeded, as a host before the outage recorded it.</summary>
    public static JobRunRow Run(string job, DateTimeOffset occurrence) => new()
    {
        Id = Guid.CreateVersion7(occurrence),
        Job = job,
        Occurrence = occurrence,
        Trigger = JobRunner.Scheduled,
        Node = "host-before",
        StartedAt = occurrence.AddSeconds(1),
        FinishedAt = occurrence.AddSeconds(30),
        Outcome = JobOutcome.Succeeded,
        Detail = "before the platform went down",
    };

    public static async Task RecordRunsAsync(WebApplication app, params JobRunRow[] runs)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        db.JobRuns.AddRange(runs);
        await db.SaveChangesAsync();
    }

    public static async Task<List<JobRunRow>> RunsAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().JobRuns.AsNoTracking().ToListAsync();
    }

    /// <summary>Waits until the host has made up the slots it missed.</summary>
    public static Task MadeUpAsync(WebApplication app) =>
        app.Services.GetServices<IHostedService>().OfType<JobScheduler>().Single().MissedSlotsMadeUp.WaitAsync(TimeSpan.FromMinutes(2));

    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = Address };
        var token = (await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoData.Password })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (provider == "PostgreSql")
        {
            await using var server = new Npgsql.NpgsqlConnection($"{PostgresPlatform.Server};Database=postgres");
            await server.OpenAsync();
            await using var drop = server.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
