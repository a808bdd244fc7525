using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AutoFinance.Web.Tests.Servicing;

/// <summary>
/// A ledger written before <c>CreditHeldLines</c>, whose lines did not carry their loan, still gives each loan the
/// credit it holds and the refund owed back after the upgrade: every line takes its entry's loan.
/// </summary>
public sealed class HeldLinesUpgradeTests : IDisposable
{
    private const string BeforeHeldLines = "20261203190421_RefundPayouts";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"autofinance-held-{Guid.NewGuid():N}");

    public HeldLinesUpgradeTests() => Directory.CreateDirectory(_root);

    [Fact]
    public async Task Credit_and_refund_written_before_the_upgrade_are_held_by_their_loans_after_it()
    {
        var options = new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={Path.Combine(_root, "autofinance.db")};Pooling=False").Options;
        var paidOver = Guid.NewGuid();
        var closedHolding = Guid.NewGuid();
        var other = Guid.NewGuid();
        await using var db = new SqliteDbContext(options);
        await db.GetService<IMigrator>().MigrateAsync(BeforeHeldLines);
        // Amounts in cents, as the ledger stores them on SQLite.
        await Entry(db, paidOver, ("CustomerOverpayment", "Credit", 12_050), ("Cash", "Debit", 12_050));
        await Entry(db, paidOver, ("CustomerOverpayment", "Debit", 2_000), ("LoanPrincipalReceivable", "Credit", 2_000));
        await Entry(db, closedHolding, ("CustomerOverpayment", "Debit", 7_301), ("RefundPayable", "Credit", 7_301));
        await Entry(db, other, ("InterestReceivable", "Debit", 1_327), ("InterestIncome", "Credit", 1_327));

        await db.Database.MigrateAsync();

        var held = await CustomerCredit.HeldAsync(db, [paidOver, closedHolding, other], CancellationToken.None);
        Assert.Equal(new CustomerCredit.Held(100.50m, 0m), held[paidOver]);
        Assert.Equal(new CustomerCredit.Held(-73.01m, 73.01m), held[closedHolding]);
        Assert.False(held.ContainsKey(other));
        Assert.Equal(new CustomerCredit.Held(100.50m, 0m), await CustomerCredit.HeldAsync(db, paidOver, CancellationToken.None));
        Assert.Equal(73.01m, Assert.Single(await CustomerCredit.RefundsOwedAsync(db, null, CancellationToken.None)).Value);
        Assert.Empty(await db.JournalLines.Where(l => l.LoanId == Guid.Empty).ToListAsync());
    }

    private static async Task Entry(SqliteDbContext db, Guid loanId, params (string Account, string Side, long Cents)[] lines)
    {
        var entry = Guid.NewGuid().ToString().ToUpperInvariant();
        var loan = loanId.ToString().ToUpperInvariant();
        await db.Database.ExecuteSqlAsync($"INSERT INTO journal_entries (Id, LoanId, BusinessDate, Kind, Description, PostedAt) VALUES ({entry}, {loan}, {"2026-11-20"}, {"Payment"}, {"before the upgrade"}, 0)");
        foreach (var (account, side, cents) in lines)
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO journal_lines (EntryId, Account, Side, Amount) VALUES ({entry}, {account}, {side}, {cents})");
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
