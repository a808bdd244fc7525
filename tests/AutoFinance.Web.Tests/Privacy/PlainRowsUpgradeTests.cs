using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Privacy;

/// <summary>
/// A database written before <c>PersonalDataAtRest</c>, with a customer's mobile, name and a collector's note in
/// plain text, is upgraded by the platform's first start: nothing plain is left, and the customer still signs in.
/// </summary>
public sealed class PlainRowsUpgradeTests : IDisposable
{
    private const string BeforePersonalDataAtRest = "20261124142054_Approvals";
    private const string Mobile = "13566667777";
    private const string Note = "Spoke to her neighbour Zhao Liu about the car";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"autofinance-upgrade-{Guid.NewGuid():N}");

    public PlainRowsUpgradeTests() => Directory.CreateDirectory(_root);

    [Fact]
    public async Task A_database_from_before_the_upgrade_is_encrypted_at_first_start_and_its_customer_still_signs_in()
    {
        var database = Path.Combine(_root, "autofinance.db");
        var options = new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={database};Pooling=False").Options;
        await using (var old = new SqliteDbContext(options))
        {
            await old.GetService<IMigrator>().MigrateAsync(BeforePersonalDataAtRest);
            var user = Guid.NewGuid().ToString().ToUpperInvariant();
            var password = new PasswordHashing(PlatformFixture.TestPasswordHashIterations).Hash("long-enough-password");
            await old.Database.ExecuteSqlAsync($"INSERT INTO users (Id, UserName, PasswordHash, Role, DisplayName, Active, CreatedAt) VALUES ({user}, {Mobile}, {password}, {Roles.Customer}, {"Old Customer"}, 1, 0)");
            var contact = Guid.NewGuid().ToString().ToUpperInvariant();
            var loan = Guid.NewGuid().ToString().ToUpperInvariant();
            await old.Database.ExecuteSqlAsync($"INSERT INTO collection_contacts (Id, LoanId, Collector, ContactedAt, Channel, Outcome, Note) VALUES ({contact}, {loan}, {"collector:1"}, 0, {"call"}, {"RPC"}, {Note})");
        }

        var app = WebHost.Build(
        [
            "--urls=http://127.0.0.1:0", "--Partners:Simulator:Launch=false", "--Database:Provider=Sqlite", $"--ConnectionStrings:Default=Data Source={database}",
            $"--Security:KeysPath={Path.Combine(_root, "keys")}", "--Outbox:Enabled=false",
            "--Logging:LogLevel:Default=Warning", "--Demo:Seed=false", PlatformFixture.PasswordHashArgument,
        ]);
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = Mobile, password = "long-enough-password" });
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            Assert.Equal("Old Customer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());

            await using var db = app.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
            var row = await db.Users.AsNoTracking().SingleAsync();
            Assert.DoesNotContain(Mobile, row.UserNameHash + row.UserNameCipher + row.DisplayNameCipher, StringComparison.Ordinal);
            Assert.DoesNotContain("Old Customer", row.DisplayNameCipher, StringComparison.Ordinal);
            var note = (await db.CollectionContacts.AsNoTracking().SingleAsync()).NoteCipher!;
            Assert.DoesNotContain("Zhao Liu", note, StringComparison.Ordinal);
            Assert.Equal(Note, app.Services.GetRequiredService<IPersonalDataProtector>().Unprotect(note));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
