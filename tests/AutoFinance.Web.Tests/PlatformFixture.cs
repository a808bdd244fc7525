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
        await PrepareServerAsync();
        var partners = await TestSimulator.ArgumentsAsync();
        if (FromTemplate)
        {
            var template = await SeededTemplates.DirectoryAsync(GetType().FullName!, MakeTemplateAsync, RemoveTemplateDatabaseAsync);
            SeededTemplates.CopyFolders(template, _directory);
            await CopyTemplateDatabaseAsync(template);
        }

        App = WebHost.Build([.. PlatformArguments(_directory, ConnectionString(_directory), partners), .. Arguments], Configure);
        await App.StartAsync();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First(a => ManagementPortToSkip is not { } skip || new Uri(a).Port != skip));
    }

    /// <summary>
    /// Whether this fixture starts from a copy of its type's seeded template (<see cref="SeededTemplates"/>), made with
    /// its settings and services: true for the plain platforms and for a type whose services seed the same data
    /// whenever they start (a clock fixed until a test moves it, say), and which many test classes use.
    /// </summary>
    protected virtual bool FromTemplate => GetType() == typeof(SqlitePlatform) || GetType() == typeof(PostgresPlatform);

    private async Task MakeTemplateAsync(string template)
    {
        await using var app = WebHost.Build([.. PlatformArguments(template, TemplateConnectionString(template), await TestSimulator.ArgumentsAsync()), .. Arguments], Configure);
        await app.StartAsync();
        await app.StopAsync();
    }

    private string[] PlatformArguments(string directory, string connectionString, string[] partners) =>
    [
        "--urls=http://127.0.0.1:0",
        $"--Database:Provider={Provider}",
        $"--ConnectionStrings:Default={connectionString}",
        $"--Security:KeysPath={Path.Combine(directory, "keys")}",
        $"--Files:Path={Path.Combine(directory, "files")}",
        "--Outbox:Enabled=false",
        // The jobs run when a test runs them (a fixture that wants the schedule turns it on).
        "--Scheduler:Enabled=false",
        // The payout resend, when a test runs it, sends again any payout left unanswered, however recently.
        "--Payouts:ResendAfterSeconds=0",
        "--Logging:LogLevel:Default=Warning",
        "--Verification:CodesPerAddressPerHour=100000",
        // The story book (loans months into their lives) is seeded only for the fixtures that read it.
        "--Demo:StoryBook=false",
        PasswordHashArgument,
        .. partners,
        .. DocsArguments,
    ];

    /// <summary>The template's database, without connection pooling so that nothing holds it open once its platform stops.</summary>
    protected abstract string TemplateConnectionString(string template);

    protected abstract Task CopyTemplateDatabaseAsync(string template);

    protected abstract Task RemoveTemplateDatabaseAsync(string template);

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

    /// <summary>Readies the database server before the first platform of the process uses it.</summary>
    protected virtual Task PrepareServerAsync() => Task.CompletedTask;

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

    private const string DatabaseFile = "autofinance.db";

    protected override string ConnectionString(string directory) => $"Data Source={Path.Combine(directory, DatabaseFile)}";

    protected override string TemplateConnectionString(string template) => $"{ConnectionString(template)};Pooling=False";

    /// <summary>The database file and its write-ahead log if a connection left one (the shared-memory index SQLite rebuilds).</summary>
    protected override Task CopyTemplateDatabaseAsync(string template)
    {
        foreach (var suffix in new[] { "", "-wal" })
        {
            var file = Path.Combine(template, DatabaseFile + suffix);
            if (File.Exists(file))
            {
                File.Copy(file, Path.Combine(WorkDirectory, DatabaseFile + suffix));
            }
        }

        return Task.CompletedTask;
    }

    protected override Task RemoveTemplateDatabaseAsync(string template) => Task.CompletedTask;
}

/// <summary>PostgreSQL from <c>AUTOFINANCE_TEST_POSTGRES</c> (set by test.sh); each fixture gets its own database.</summary>
public class PostgresPlatform : PlatformFixture
{
    /// <summary>Removed once a process, before its first database: see <see cref="RemoveOrphanDatabasesAsync"/>.</summary>
    private static readonly Lazy<Task> Orphans = new(RemoveOrphanDatabasesAsync);

    private readonly string _database = NewDatabaseName();

    public static string? Server => Environment.GetEnvironmentVariable("AUTOFINANCE_TEST_POSTGRES");

    public override bool Available => Server is not null;

    protected override string Provider => "PostgreSql";

    protected override string ConnectionString(string directory) => $"{Server};Database={_database}";

    protected override string TemplateConnectionString(string template) => $"{Server};Database={TemplateDatabase(template)};Pooling=false";

    protected override Task CopyTemplateDatabaseAsync(string template) =>
        ExecuteAsync($"CREATE DATABASE \"{_database}\" TEMPLATE \"{TemplateDatabase(template)}\"");

    protected override Task RemoveTemplateDatabaseAsync(string template) =>
        ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateDatabase(template)}\" WITH (FORCE)");

    protected override Task DropAsync() => Server is null ? Task.CompletedTask : ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");

    protected override Task PrepareServerAsync() => Orphans.Value;

    /// <summary>A test database's name, with this process's id, so it can be dropped once the process is gone.</summary>
    internal static string NewDatabaseName() => $"af_test_{Environment.ProcessId}_{Guid.NewGuid():N}";

    /// <summary>The template folder's process id and unique part (PostgreSQL names are at most 63 bytes).</summary>
    private static string TemplateDatabase(string template)
    {
        var parts = Path.GetFileName(template).Split('-');
        return $"af_template_{parts[^2]}_{parts[^1]}";
    }

    /// <summary>
    /// Drops the test and template databases of test processes that are gone: a process killed before its exit handlers
    /// ran leaves them on the server. Each name carries its process's id; those of running processes are left alone.
    /// </summary>
    internal static async Task RemoveOrphanDatabasesAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection($"{Server};Database=postgres");
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = @"SELECT datname FROM pg_database WHERE datname LIKE 'af\_test\_%' OR datname LIKE 'af\_template\_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names.Where(n => Owner(n) is { } owner && !Processes.IsRunning(owner)))
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The process id in <c>af_test_{id}_{guid}</c> or <c>af_template_{id}_{guid}</c>; null for any other name.</summary>
    private static int? Owner(string name) =>
        name.Split('_') is [_, _, var id, _] && int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var owner) ? owner : null;

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection($"{Server};Database=postgres");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
