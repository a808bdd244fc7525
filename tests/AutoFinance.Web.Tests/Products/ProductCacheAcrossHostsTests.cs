using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Tests.Origination;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Products;

/// <summary>
/// Two hosts over one database, each with its own product cache: a product change approved on one host is what the
/// other host decides new applications under within seconds, without a restart. Runs on a shared SQLite file, and on
/// PostgreSQL when one is configured.
/// </summary>
public sealed class ProductCacheAcrossHostsTests : IAsyncLifetime
{
    private readonly string _database = PostgresPlatform.NewDatabaseName();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"autofinance-products-{Guid.NewGuid():N}");
    private readonly List<WebApplication> _hosts = [];

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task A_product_change_approved_on_one_host_reaches_the_other_hosts_decisions_without_a_restart(string provider)
    {
        Xunit.Skip.If(provider == "PostgreSql" && PostgresPlatform.Server is null, "no PostgreSQL configured");
        Directory.CreateDirectory(_directory);
        var connection = provider == "Sqlite" ? $"Data Source={Path.Combine(_directory, "autofinance.db")}" : $"{PostgresPlatform.Server};Database={_database}";
        var first = await StartAsync(provider, connection, seed: true);
        var second = await StartAsync(provider, connection, seed: false);

        // The second host decides once, so it holds the product's current version in its cache.
        var version = await DecideAsync(second);

        using var admin = await SignedInAsync(first, "admin");
        using var manager = await SignedInAsync(first, "manager");
        var proposed = await admin.PostAsJsonAsync("/api/v1/admin/products/car-loan/changes", new { reason = "raise the late fee on every host", lateCharges = new { fixedFee = 99m } });
        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        var approvalId = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetString();
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/approvals/{approvalId}/approve", null)).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        var seen = version;
        while (seen == version && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            seen = await DecideAsync(second);
        }

        Assert.Equal(version + 1, seen);
    }

    /// <summary>Decides a prime application on the host through its dealer API and answers the product version its offer was made under.</summary>
    private static async Task<int> DecideAsync(WebApplication host)
    {
        using var dealer = new HttpClient { BaseAddress = Address(host) };
        dealer.DefaultRequestHeaders.Add("X-Api-Key", DemoData.DealerKey);
        var decision = await (await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime())).Content.ReadFromJsonAsync<JsonElement>();
        var applicationId = Guid.Parse(decision.GetProperty("applicationId").GetString()!);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        return (await db.Offers.AsNoTracking().Where(o => o.ApplicationId == applicationId).Select(o => o.ProductVersion).ToListAsync()).Max();
    }

    private static async Task<HttpClient> SignedInAsync(WebApplication host, string userName)
    {
        var client = new HttpClient { BaseAddress = Address(host) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoData.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Uri Address(WebApplication host) => new(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private async Task<WebApplication> StartAsync(string provider, string connection, bool seed)
    {
        var partners = await TestSimulator.ArgumentsAsync();
        var host = WebHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Database:Provider={provider}",
            $"--ConnectionStrings:Default={connection}",
            $"--Security:KeysPath={Path.Combine(_directory, "keys")}",
            $"--Files:Path={Path.Combine(_directory, "files")}",
            "--Outbox:Enabled=false",
            "--Scheduler:Enabled=false",
            PlatformFixture.PasswordHashArgument,
            "--Products:SyncSeconds=1",
            $"--Demo:Seed={(seed ? "true" : "false")}",
            "--Demo:StoryBook=false",
            "--Logging:LogLevel:Default=Warning",
            .. partners,
        ]);
        _hosts.Add(host);
        await host.StartAsync();
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.Services.GetRequiredService<AutoFinance.Web.Hosting.Readiness>().WaitAsync(ready.Token);
        return host;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }

        if (PostgresPlatform.Server is { } server)
        {
            await using var connection = new Npgsql.NpgsqlConnection($"{server};Database=postgres");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
