using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Web.Tests.Servicing;

/// <summary>
/// End-of-day reads a page of loans untracked and writes back on SQLite, with prepared updates checked by version,
/// only the loans it changed and only their changed columns; a loan that someone else changed meanwhile is not
/// overwritten.
/// </summary>
public sealed class UntrackedRowsTests : IAsyncLifetime
{
    private static readonly AuditKeys Keys = AuditKeys.Ephemeral();
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"autofinance-prepared-{Guid.NewGuid():N}.db");
    private Guid _loanId;

    public async Task InitializeAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
        _loanId = Guid.CreateVersion7();
        db.Loans.Add(new LoanRow
        {
            Id = _loanId,
            Reference = "LNPREPARED01",
            ContractId = Guid.CreateVersion7(),
            ApplicationId = Guid.CreateVersion7(),
            CustomerId = Guid.CreateVersion7(),
            Principal = 80_000m,
            AnnualRate = 0.0599m,
            TermMonths = 36,
            Method = "annuity",
            StartDate = new DateOnly(2026, 1, 15),
            Currency = "CNY",
            Status = LoanStatus.Active,
            BookedAt = DateTimeOffset.UnixEpoch,
        });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_page_writes_the_changed_columns_of_its_loans_and_leaves_the_rest()
    {
        await using (var db = Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var loan = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == _loanId);
            var rows = new UntrackedRows<LoanRow>(db);
            rows.Keep(loan);
            loan.DaysPastDue = 12;
            loan.Bucket = "1-30";
            loan.LastCloseDate = new DateOnly(2026, 11, 24);
            loan.Version++;
            Assert.True(await rows.SaveChangedAsync(db, CancellationToken.None));
            Assert.Empty(db.ChangeTracker.Entries());
            await transaction.CommitAsync();
        }

        await using var check = Open();
        var saved = await check.Loans.AsNoTracking().SingleAsync(l => l.Id == _loanId);
        Assert.Equal((12, "1-30", (DateOnly?)new DateOnly(2026, 11, 24), 1L, "LNPREPARED01", 80_000m, LoanStatus.Active), (saved.DaysPastDue, saved.Bucket, saved.LastCloseDate, saved.Version, saved.Reference, saved.Principal, saved.Status));
    }

    [Fact]
    public async Task A_loan_changed_by_someone_else_meanwhile_is_not_overwritten()
    {
        await using var db = Open();
        var loan = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == _loanId);
        var rows = new UntrackedRows<LoanRow>(db);
        rows.Keep(loan);
        await using (var other = Open())
        {
            // A payment posted while the page was being closed: it bumped the loan's version first.
            await other.Loans.Where(l => l.Id == _loanId).ExecuteUpdateAsync(u => u.SetProperty(l => l.DaysPastDue, 0).SetProperty(l => l.Version, 1L));
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        loan.DaysPastDue = 40;
        loan.Version++;
        Assert.False(await rows.SaveChangedAsync(db, CancellationToken.None));
        await transaction.RollbackAsync();

        await using var check = Open();
        var saved = await check.Loans.AsNoTracking().SingleAsync(l => l.Id == _loanId);
        Assert.Equal((0, 1L), (saved.DaysPastDue, saved.Version));
    }

    [Fact]
    public async Task A_loan_left_as_read_is_not_written()
    {
        await using (var db = Open())
        {
            var rows = new UntrackedRows<LoanRow>(db);
            rows.Keep(await db.Loans.AsNoTracking().SingleAsync(l => l.Id == _loanId));
            await using (var other = Open())
            {
                // Had the unchanged loan been written, its check by version would fail against this change.
                await other.Loans.Where(l => l.Id == _loanId).ExecuteUpdateAsync(u => u.SetProperty(l => l.Bucket, "31-60").SetProperty(l => l.Version, 5L));
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.True(await rows.SaveChangedAsync(db, CancellationToken.None));
            await transaction.CommitAsync();
        }

        await using var check = Open();
        var saved = await check.Loans.AsNoTracking().SingleAsync(l => l.Id == _loanId);
        Assert.Equal(("31-60", 5L), (saved.Bucket, saved.Version));
    }

    private SqliteDbContext Open() =>
        new(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={_database};Default Timeout=5").UseAuditChainKey(Keys.Chain).Options);
}
