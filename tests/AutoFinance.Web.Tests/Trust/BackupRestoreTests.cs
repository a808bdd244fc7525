using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Cli;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>
/// A live database with booked loans, payments and audit entries is backed up while the platform runs, restored
/// into a new database, and the copy is whole: its audit chain verifies, its ledger balances, and (SQLite) a platform
/// started on it with the same key directory reads the loan and the applicant's encrypted data as before.
/// </summary>
public sealed class SqliteBackupRestoreTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_live_database_backed_up_and_restored_keeps_its_ledger_audit_chain_and_encrypted_data()
    {
        var world = await Activity.CreateAsync(platform);
        var source = platform.App.Configuration.GetConnectionString("Default")!;
        var backup = Path.Combine(platform.WorkDirectory, "backup.db");
        var restored = Path.Combine(platform.WorkDirectory, "restored.db");

        var backedUp = Cli("backup", "--connection", source, "--out", backup, "--json");
        Assert.True(backedUp.Code == 0, backedUp.Error);
        Assert.Equal(2, Cli("backup", "--connection", source, "--out", backup).Code);
        Assert.True(Cli("restore", "--from", backup, "--connection", $"Data Source={restored}").Code == 0);
        var again = Cli("restore", "--from", backup, "--connection", $"Data Source={restored}");
        Assert.Equal(2, again.Code);
        Assert.Contains("--force", again.Error, StringComparison.Ordinal);
        Assert.Equal(0, Cli("restore", "--from", backup, "--connection", $"Data Source={restored}", "--force").Code);

        var verified = Cli("audit", "verify", "--connection", $"Data Source={restored}", "--keys", platform.KeysPath, "--json");
        Assert.True(verified.Code == 0, verified.Output + verified.Error);
        var chain = JsonDocument.Parse(verified.Output).RootElement;
        Assert.True(chain.GetProperty("intact").GetBoolean());
        Assert.True(chain.GetProperty("entries").GetInt64() >= world.AuditEntries);

        var options = new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={restored};Pooling=False").Options;
        await using (var db = new SqliteDbContext(options))
        {
            await Activity.AssertBalancedAsync(db, world);
        }

        // A platform on the restored copy, with the same keys, serves the same loan and decrypts the applicant.
        var app = WebHost.Build(
        [
            "--urls=http://127.0.0.1:0", "--Partners:Simulator:Launch=false", "--Database:Provider=Sqlite", $"--ConnectionStrings:Default=Data Source={restored}",
            $"--Security:KeysPath={platform.KeysPath}", "--Logging:LogLevel:Default=Warning", "--Demo:Seed=false", PlatformFixture.PasswordHashArgument,
        ]);
        await app.StartAsync();
        try
        {
            using var admin = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            var token = await admin.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = DemoData.Password });
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
            var loan = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{world.LoanId}");
            Assert.Equal(world.LoanBalances, loan.GetProperty("balances").ToString());
            Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
            var application = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{world.ApplicationId}");
            Assert.Equal("Li Na", application.GetProperty("applicant").GetProperty("fullName").GetString());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public void Backup_and_restore_refuse_bad_input_with_one_line_and_exit_2()
    {
        var missing = Path.Combine(platform.WorkDirectory, "missing.db");
        var notADatabase = Path.Combine(platform.WorkDirectory, "not-a-database.db");
        File.WriteAllText(notADatabase, "hello");
        foreach (var args in new[]
        {
            new[] { "backup", "--connection", $"Data Source={missing}", "--out", Path.Combine(platform.WorkDirectory, "x.db") },
            ["backup", "--connection", platform.App.Configuration.GetConnectionString("Default")!, "--out", Path.Combine(platform.WorkDirectory, "no-such-dir", "x.db")],
            ["backup", "--database", "postgresql", "--out", "x.dump"],
            ["restore", "--from", missing, "--connection", $"Data Source={Path.Combine(platform.WorkDirectory, "y.db")}"],
            ["restore", "--from", notADatabase, "--connection", $"Data Source={Path.Combine(platform.WorkDirectory, "y.db")}"],
            ["restore", "--from", notADatabase, "--connection", $"Data Source={notADatabase}", "--force"],
            ["restore", "--connection", "Data Source=y.db"],
        })
        {
            var result = Cli(args);
            Assert.True(result.Code == 2, string.Join(' ', args) + " => " + result.Code + " " + result.Error);
            Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }

        Assert.Contains("pg_dump", Cli("backup", "--database", "postgresql", "--out", "x.dump").Error, StringComparison.Ordinal);
    }

    internal static (int Code, string Output, string Error) Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, TimeProvider.System);
        return (code, output.ToString(), error.ToString());
    }
}

/// <summary>The same with pg_dump and pg_restore, on the PostgreSQL the test script starts (skipped without one).</summary>
public sealed class PostgresBackupRestoreTests(PostgresPlatform platform) : IClassFixture<PostgresPlatform>
{
    private static readonly string? Binaries = new[] { "/usr/lib/postgresql/15/bin" }
        .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")) : [])
        .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_dump")) && File.Exists(Path.Combine(d, "pg_restore")));

    [SkippableFact]
    public async Task A_live_database_dumped_and_restored_keeps_its_ledger_and_audit_chain()
    {
        Skip.If(!platform.Available, "no PostgreSQL configured");
        Skip.If(Binaries is null, "pg_dump and pg_restore not found under /usr/lib/postgresql");
        var world = await Activity.CreateAsync(platform);
        var live = new Npgsql.NpgsqlConnectionStringBuilder(platform.App.Configuration.GetConnectionString("Default"));
        var copy = $"af_restore_{Guid.NewGuid():N}";
        var dump = Path.Combine(Path.GetTempPath(), $"{copy}.dump");
        try
        {
            Run("pg_dump", "-h", live.Host!, "-p", live.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", live.Username!, "-Fc", "-f", dump, live.Database!);
            Run("createdb", "-h", live.Host!, "-p", live.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", live.Username!, copy);
            Run("pg_restore", "-h", live.Host!, "-p", live.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", live.Username!, "-d", copy, "--no-owner", "--exit-on-error", dump);

            var restored = new Npgsql.NpgsqlConnectionStringBuilder(live.ConnectionString) { Database = copy }.ConnectionString;
            var verified = SqliteBackupRestoreTests.Cli("audit", "verify", "--database", "postgresql", "--connection", restored, "--keys", platform.KeysPath, "--json");
            Assert.True(verified.Code == 0, verified.Output + verified.Error);
            Assert.True(JsonDocument.Parse(verified.Output).RootElement.GetProperty("entries").GetInt64() >= world.AuditEntries);
            await using var db = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(restored).Options);
            await Activity.AssertBalancedAsync(db, world);
        }
        finally
        {
            File.Delete(dump);
            await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(live.ConnectionString) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{copy}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static void Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(Binaries!, tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {error.Result}");
    }
}

/// <summary>Payments on customer A's loan, then what the copy must show: audit entries, journal lines, the loan's balances.</summary>
internal sealed record Activity(Guid LoanId, Guid ApplicationId, long AuditEntries, int JournalLines, int Payments, string LoanBalances)
{
    public static async Task<Activity> CreateAsync(PlatformFixture platform)
    {
        using var agent = await platform.SignedIn("agent");
        using var customer = await platform.SignedIn(TrustWorld.CustomerAUserName);
        var loanId = (await customer.GetFromJsonAsync<JsonElement>("/api/v1/loans"))[0].GetProperty("loanId").GetGuid();
        var applicationId = (await customer.GetFromJsonAsync<JsonElement>("/api/v1/applications"))[0].GetProperty("applicationId").GetGuid();
        foreach (var (amount, key) in new[] { (1500.00m, "backup-1"), (250.55m, "backup-2") })
        {
            using var pay = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/payments") { Content = JsonContent.Create(new { amount, channel = "cash", receiptReference = "R-100001" }) };
            pay.Headers.Add("Idempotency-Key", key);
            Assert.True((await agent.SendAsync(pay)).IsSuccessStatusCode);
        }

        var loan = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        return new Activity(loanId, applicationId, await db.AuditEntries.LongCountAsync(), await db.JournalLines.CountAsync(), await db.Payments.CountAsync(), loan.GetProperty("balances").ToString());
    }

    /// <summary>Every journal line came across and debits equal credits, overall and per entry.</summary>
    public static async Task AssertBalancedAsync(AutoFinanceDbContext db, Activity expected)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(expected);
        var lines = await db.JournalLines.AsNoTracking().ToListAsync();
        Assert.Equal(expected.JournalLines, lines.Count);
        Assert.Equal(expected.Payments, await db.Payments.CountAsync());
        Assert.True(lines.Count > 0);
        foreach (var entry in lines.GroupBy(l => l.EntryId))
        {
            Assert.Equal(entry.Where(l => l.Side == "Debit").Sum(l => l.Amount), entry.Where(l => l.Side == "Credit").Sum(l => l.Amount));
        }

        Assert.Equal(lines.Count, lines.Count(l => l.Side is "Debit" or "Credit"));
        Assert.True(await db.AuditEntries.LongCountAsync() >= expected.AuditEntries);
    }
}
