using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>
/// Writes handed to the group commit at the same moment: each one that can be stored is stored with its audit entry,
/// the one that breaks a unique key (an idempotency key raced for) alone fails with the database's error, and the
/// audit chain still verifies end to end. A write whose row was changed meanwhile (its version as read is gone)
/// fails whole as a conflict.
/// </summary>
public abstract class GroupCommitScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    [SkippableFact]
    public async Task Concurrent_writes_are_stored_with_their_audit_entries_and_only_the_one_breaking_a_unique_key_fails()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        var commits = platform.App.Services.GetRequiredService<GroupCommit>();
        Guid loanId;
        await using (var db = Db())
        {
            loanId = await db.Loans.AsNoTracking().Select(l => l.Id).FirstAsync();
        }

        var key = $"group-{Guid.NewGuid():N}";
        var intents = Enumerable.Range(0, 12).Select(n => Intent(loanId, n == 0 || n == 1 ? key : $"{key}-{n}")).ToList();
        var writes = intents.Select(i => Outcome(commits.InsertAsync([i], [new AuditEvent("test:group-commit", "payment.intent.created", "loan", loanId.ToString(), new { i.Id })], DateTimeOffset.UtcNow, CancellationToken.None))).ToList();
        var outcomes = await Task.WhenAll(writes);

        Assert.Single(outcomes, failed => failed is DbUpdateException);
        Assert.Equal(11, outcomes.Count(o => o is null));
        await using (var db = Db())
        {
            var ids = intents.Select(i => i.Id).ToList();
            Assert.Equal(11, await db.Set<PaymentIntentRow>().CountAsync(i => ids.Contains(i.Id)));
            var audited = await db.AuditEntries.AsNoTracking().Where(e => e.Actor == "test:group-commit").Select(e => e.DataJson).ToListAsync();
            Assert.Equal(11, audited.Count(d => ids.Any(id => d.Contains(id.ToString(), StringComparison.Ordinal))));
        }

        using var admin = await platform.SignedIn("admin");
        var verified = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit/verify");
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
    }

    [SkippableFact]
    public async Task A_write_whose_row_changed_meanwhile_fails_as_a_conflict_and_stores_none_of_its_rows()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        var commits = platform.App.Services.GetRequiredService<GroupCommit>();
        await using var db = Db();
        var loan = await db.Loans.OrderBy(l => l.Reference).FirstAsync();
        var collector = loan.Collector;
        await using (var other = Db())
        {
            var meanwhile = await other.Loans.FirstAsync(l => l.Id == loan.Id);
            meanwhile.Version++;
            await other.SaveChangesAsync();
        }

        loan.Collector = "group-commit";
        loan.Version++;
        var intent = Intent(loan.Id, $"stale-{Guid.NewGuid():N}");
        db.Add(intent);
        var failure = await Record.ExceptionAsync(() => commits.SaveAsync(db, [new AuditEvent("test:group-commit-stale", "loan.changed", "loan", loan.Id.ToString(), new { intent.Id })], DateTimeOffset.UtcNow, CancellationToken.None));

        Assert.IsType<DbUpdateConcurrencyException>(failure);
        await using var stored = Db();
        Assert.False(await stored.Set<PaymentIntentRow>().AnyAsync(i => i.Id == intent.Id));
        Assert.Equal(collector, await stored.Loans.Where(l => l.Id == loan.Id).Select(l => l.Collector).FirstAsync());
        Assert.False(await stored.AuditEntries.AnyAsync(e => e.Actor == "test:group-commit-stale"));
    }

    private static async Task<Exception?> Outcome(Task write)
    {
        try
        {
            await write;
            return null;
        }
        catch (DbUpdateException e)
        {
            return e;
        }
    }

    private static PaymentIntentRow Intent(Guid loanId, string key) => new()
    {
        Id = Guid.CreateVersion7(),
        LoanId = loanId,
        Kind = PaymentIntents.CheckoutKind,
        Amount = 1.00m,
        Currency = "CNY",
        Surplus = "hold",
        Provider = "simpay",
        CreatedBy = "customer:group-commit",
        IdempotencyKey = key,
        RequestHash = key,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    protected AutoFinanceDbContext Db() => platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
}

public sealed class GroupCommitOnSqlite(SqlitePlatform platform) : GroupCommitScenarios<SqlitePlatform>(platform)
{
    [Fact]
    public async Task Every_connection_syncs_each_commit_to_the_log_waits_for_a_busy_writer_and_checkpoints_by_ten_thousand_pages()
    {
        await using var db = Db();
        await db.Database.OpenConnectionAsync();
        async Task<string?> Pragma(string name)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal("wal", await Pragma("journal_mode"));
        // 2 is FULL: a commit is on disk before the request that made it is answered.
        Assert.Equal("2", await Pragma("synchronous"));
        Assert.Equal("10000", await Pragma("busy_timeout"));
        Assert.Equal("10000", await Pragma("wal_autocheckpoint"));
    }
}

public sealed class GroupCommitOnPostgres(PostgresPlatform platform) : GroupCommitScenarios<PostgresPlatform>(platform);
