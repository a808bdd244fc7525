using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests;

/// <summary>
/// The whole platform on a real Kestrel port over a fresh database (SQLite file, or the PostgreSQL the test script
/// starts), with demo data seeded, shared by the tests of one class.
/// </summary>
public abstract class PlatformFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"autofinance-web-{Guid.NewGuid():N}");

    /// <summary>
    /// The password work factor the tests' platforms use: a thousandth of production's, since every fixture hashes the
    /// demo accounts' passwords and every test signs in (the production default is pinned by its own test).
    /// </summary>
    public const int TestPasswordHashIterations = 100;

    public static string PasswordHashArgument => $"--Security:PasswordHashIterations={TestPasswordHashIterations}";

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    protected abstract string Provider { get; }

    public virtual bool Available => true;

    protected abstract string ConnectionString(string directory);

    /// <summary>Settings a fixture adds to the command line (low rate limits, say).</summary>
    protected virtual IEnumerable<string> Arguments => [];

    /// <summary>The tests read the OpenAPI document, which the Production environment they run in does not serve by default.</summary>
    protected virtual IEnumerable<string> DocsArguments => ["--Docs:Enabled=true"];

    /// <summary>A port the platform also listens on that is not for the API (a management port).</summary>
    protected virtual int? ManagementPortToSkip => null;

    /// <summary>Services a fixture puts in before the platform's own (a clock it controls, say).</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        Directory.CreateDirectory(_directory);
        var partners = await TestSimulator.ArgumentsAsync();
        App = WebHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Database:Provider={Provider}",
            $"--ConnectionStrings:Default={ConnectionString(_directory)}",
            $"--Security:KeysPath={Path.Combine(_directory, "keys")}",
            $"--Files:Path={Path.Combine(_directory, "files")}",
            "--Outbox:Enabled=false",
            // The jobs run when a test runs them (a fixture that wants the schedule turns it on).
            "--Scheduler:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
            "--Verification:CodesPerAddressPerHour=100000",
            // The story book (loans months into their lives) is seeded only for the fixtures that read it.
            "--Demo:StoryBook=false",
            PasswordHashArgument,
            .. partners,
            .. DocsArguments,
            .. Arguments,
        ], Configure);
        await App.StartAsync();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First(a => ManagementPortToSkip is not { } skip || new Uri(a).Port != skip));
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        await DropAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    protected virtual Task DropAsync() => Task.CompletedTask;

    public string KeysPath => Path.Combine(_directory, "keys");

    /// <summary>The fixture's own directory (database file, keys), removed when it ends.</summary>
    public string WorkDirectory => _directory;

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    public HttpClient Dealer(string key = DemoData.DealerKey)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async Task<HttpClient> SignedIn(string userName, string password = DemoData.Password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public class SqlitePlatform : PlatformFixture
{
    protected override string Provider => "Sqlite";

    protected override string ConnectionString(string directory) => $"Data Source={Path.Combine(directory, "autofinance.db")}";
}

/// <summary>PostgreSQL from <c>AUTOFINANCE_TEST_POSTGRES</c> (set by test.sh); each fixture gets its own database.</summary>
public class PostgresPlatform : PlatformFixture
{
    private readonly string _database = $"af_test_{Guid.NewGuid():N}";

    public static string? Server => Environment.GetEnvironmentVariable("AUTOFINANCE_TEST_POSTGRES");

    public override bool Available => Server is not null;

    protected override string Provider => "PostgreSql";

    protected override string ConnectionString(string directory) => $"{Server};Database={_database}";

    protected override async Task DropAsync()
    {
        if (Server is null)
        {
            return;
        }

        await using var connection = new Npgsql.NpgsqlConnection($"{Server};Database=postgres");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
