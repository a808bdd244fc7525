using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Tests.Origination;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Servicing;

/// <summary>
/// Scale-out on one PostgreSQL: two web hosts take the applications and payments in turn and two end-of-day
/// workers share the date; the book they leave is the one a single host and a single worker leave for the same work.
/// </summary>
[RunsLong]
public sealed class ScaleOutTests
{
    private const int Loans = 6;

    [SkippableFact]
    public async Task Two_hosts_and_two_workers_leave_the_same_book_as_one()
    {
        Xunit.Skip.If(PostgresPlatform.Server is null, "no PostgreSQL configured");
        var bodies = Enumerable.Range(0, Loans).Select(_ => Applications.Prime()).ToList();

        var shared = await RunAsync(bodies, hosts: 2, workers: 2);
        var single = await RunAsync(bodies, hosts: 1, workers: 1);

        Assert.Equal(Loans, shared.Count);
        Assert.Equal(single, shared);
    }

    /// <summary>The whole workload on a fresh database; the book as comparable lines, one per loan, sorted.</summary>
    private static async Task<List<string>> RunAsync(List<Dictionary<string, object?>> bodies, int hosts, int workers)
    {
        var database = $"af_scale_{Guid.NewGuid():N}";
        var directory = Path.Combine(Path.GetTempPath(), database);
        var clock = MovableClock.Start();
        var nodes = new List<WebApplication>();
        try
        {
            for (var n = 0; n < hosts; n++)
            {
                // The first host creates and seeds the database; the others join it once it is ready.
                nodes.Add(await StartAsync($"{PostgresPlatform.Server};Database={database}", directory, clock, seed: n == 0));
            }

            var loanIds = new List<string>();
            for (var i = 0; i < bodies.Count; i++)
            {
                using var dealer = Client(nodes[i % hosts]);
                dealer.DefaultRequestHeaders.Add("X-Api-Key", DemoData.DealerKey);
                using var underwriter = await SignedIn(nodes[(i + 1) % hosts], "underwriter");
                var decision = await (await dealer.PostAsJsonAsync("/api/v1/applications", bodies[i])).Content.ReadFromJsonAsync<JsonElement>();
                var offerId = decision.GetProperty("offers")[0].GetProperty("offerId").GetString();
                var contract = await (await Contracts.ContractSigning.AcceptAsync(nodes[i % hosts].Services, dealer, decision.GetProperty("applicationId").GetString(), offerId)).Content.ReadFromJsonAsync<JsonElement>();
                loanIds.Add((await Payouts.Funding.BookAsync(underwriter, contract.GetProperty("contractId").GetString()!)).ToString());
            }

            clock.Now = clock.Now.AddMonths(1).AddDays(8);
            for (var i = 0; i < loanIds.Count; i += 2)
            {
                using var agent = await SignedIn(nodes[i / 2 % hosts], "agent");
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanIds[i]}/payments") { Content = JsonContent.Create(new { amount = 2000m + i, channel = "cash", receiptReference = "R-100001" }) };
                request.Headers.Add("Idempotency-Key", $"scale-{i}");
                Assert.Equal(HttpStatusCode.Created, (await agent.SendAsync(request)).StatusCode);
            }

            var businessDate = DateOnly.FromDateTime(clock.Now.UtcDateTime);
            await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
            {
                using var scope = nodes[w % hosts].Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
                await new EndOfDay(db, clock).RunAsync(businessDate, new CobOptions { Worker = $"worker-{w}", PageSize = 1 }, CancellationToken.None);
            }));

            using var read = nodes[0].Services.CreateScope();
            var store = read.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
            var ids = loanIds.Select(Guid.Parse).ToList();
            var lines = await store.JournalEntries.AsNoTracking().Where(e => ids.Contains(e.LoanId))
                .SelectMany(e => e.Lines.Select(l => new { e.LoanId, l.Account, Signed = l.Side == "Debit" ? l.Amount : -l.Amount }))
                .ToListAsync();
            var loans = await store.Loans.AsNoTracking().Where(l => ids.Contains(l.Id)).ToListAsync();
            return [.. loans.Select(l => string.Join('|',
                    l.Principal, l.Status, l.DaysPastDue, l.Bucket, l.LastCloseDate,
                    string.Join(',', lines.Where(x => x.LoanId == l.Id).GroupBy(x => x.Account).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Sum(x => x.Signed)}"))))
                .Order(StringComparer.Ordinal)];
        }
        finally
        {
            foreach (var node in Enumerable.Reverse(nodes))
            {
                await node.StopAsync();
                await node.DisposeAsync();
            }

            await using var connection = new Npgsql.NpgsqlConnection($"{PostgresPlatform.Server};Database=postgres");
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<WebApplication> StartAsync(string connection, string directory, MovableClock clock, bool seed)
    {
        var app = WebHost.Build(
        [
            "--urls=http://127.0.0.1:0", .. await TestSimulator.ArgumentsAsync(),
            "--Database:Provider=PostgreSql",
            $"--ConnectionStrings:Default={connection}",
            $"--Security:KeysPath={Path.Combine(directory, "keys")}",
            "--Outbox:Enabled=false",
            $"--Demo:Seed={(seed ? "true" : "false")}",
            "--Demo:StoryBook=false",
            PlatformFixture.PasswordHashArgument,
            "--Logging:LogLevel:Default=Warning",
        ], builder => builder.Services.AddSingleton<TimeProvider>(clock));
        await app.StartAsync();
        return app;
    }

    private static HttpClient Client(WebApplication node) =>
        new() { BaseAddress = new Uri(node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

    private static async Task<HttpClient> SignedIn(WebApplication node, string userName)
    {
        var client = Client(node);
        var token = (await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoData.Password })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
