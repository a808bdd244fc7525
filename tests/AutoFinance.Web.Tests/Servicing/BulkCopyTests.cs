using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Web.Tests.Servicing;

/// <summary>
/// The bulk copy (COPY on PostgreSQL, prepared inserts on SQLite) stores a row exactly as EF's own insert stores an
/// equal one: the same values read back, converters, nullable columns and database-generated keys included.
/// </summary>
public sealed class BulkCopyTests
{
    private static readonly AuditKeys Keys = AuditKeys.Ephemeral();

    [Fact]
    public Task On_sqlite_a_copied_row_reads_back_as_an_inserted_one()
    {
        var file = Path.Combine(Path.GetTempPath(), $"autofinance-copy-{Guid.NewGuid():N}.db");
        return CompareAsync(() => new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={file}").UseAuditChainKey(Keys.Chain).Options), async () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
            await Task.CompletedTask;
        });
    }

    [SkippableFact]
    public Task On_postgresql_a_copied_row_reads_back_as_an_inserted_one()
    {
        Xunit.Skip.If(PostgresPlatform.Server is null, "no PostgreSQL configured");
        var connection = $"{PostgresPlatform.Server};Database=af_copy_{Guid.NewGuid():N}";
        AutoFinanceDbContext Open() => new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connection).UseAuditChainKey(Keys.Chain).Options);
        return CompareAsync(Open, async () =>
        {
            await using var db = Open();
            await db.Database.EnsureDeletedAsync();
        });
    }

    private static async Task CompareAsync(Func<AutoFinanceDbContext> open, Func<Task> cleanUp)
    {
        try
        {
            await using (var db = open())
            {
                await db.Database.MigrateAsync();
            }

            var (copied, inserted) = (Book("LNCOPY0001"), Book("LNCOPY0002"));
            await using (var db = open())
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await BulkCopy.CopyAsync(db, [copied.Loan], CancellationToken.None);
                await BulkCopy.CopyAsync(db, copied.Installments, CancellationToken.None);
                await BulkCopy.CopyAsync(db, [copied.Entry], CancellationToken.None);
                await BulkCopy.CopyAsync(db, copied.Entry.Lines, CancellationToken.None);
                await transaction.CommitAsync();
            }

            await using (var db = open())
            {
                db.Loans.Add(inserted.Loan);
                db.Installments.AddRange(inserted.Installments);
                db.JournalEntries.Add(inserted.Entry);
                await db.SaveChangesAsync();
            }

            await using var check = open();
            Assert.Equal(await ReadAsync(check, inserted), await ReadAsync(check, copied));
        }
        finally
        {
            await cleanUp();
        }
    }

    /// <summary>A loan with a nullable column set and one left empty, two instalments and an entry of two lines.</summary>
    private static (LoanRow Loan, List<InstallmentRow> Installments, JournalEntryRow Entry) Book(string reference)
    {
        var loan = new LoanRow
        {
            Id = Guid.CreateVersion7(),
            Reference = reference,
            ContractId = Guid.CreateVersion7(),
            ApplicationId = Guid.CreateVersion7(),
            CustomerId = Guid.CreateVersion7(),
            Principal = 81_234.56m,
            AnnualRate = 0.0599m,
            TermMonths = 36,
            Method = "annuity",
            StartDate = new DateOnly(2025, 3, 31),
            Currency = "CNY",
            Status = LoanStatus.Active,
            BookedAt = new DateTimeOffset(2025, 3, 31, 8, 15, 30, 123, TimeSpan.Zero),
            LastCloseDate = new DateOnly(2026, 11, 23),
        };
        var installments = Enumerable.Range(1, 2).Select(n => new InstallmentRow
        {
            LoanId = loan.Id,
            Number = n,
            DueDate = loan.StartDate.AddMonths(n),
            Payment = 2_470.99m,
            Principal = 2_065.50m + n,
            Interest = 405.49m - n,
            Balance = 79_169.06m - n,
            PaidPrincipal = n == 1 ? 2_066.50m : 0m,
            InterestAccrued = n == 1,
            AccruedInterest = n == 1 ? 404.49m : 12.34m,
        }).ToList();
        var entry = new JournalEntryRow
        {
            Id = Guid.CreateVersion7(),
            LoanId = loan.Id,
            BusinessDate = new DateOnly(2026, 11, 24),
            Kind = "interest-accrual",
            Description = "Interest of instalment 2 accrued to 2026-11-24",
            PostedAt = new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero),
        };
        entry.Lines.Add(new JournalLineRow { EntryId = entry.Id, LoanId = entry.LoanId, Account = "InterestReceivable", Side = "Debit", Amount = 13.27m });
        entry.Lines.Add(new JournalLineRow { EntryId = entry.Id, LoanId = entry.LoanId, Account = "InterestIncome", Side = "Credit", Amount = 13.27m });
        return (loan, installments, entry);
    }

    /// <summary>What was stored, as text, without the ids that differ by construction.</summary>
    private static async Task<List<string>> ReadAsync(AutoFinanceDbContext db, (LoanRow Loan, List<InstallmentRow> Installments, JournalEntryRow Entry) book)
    {
        var loan = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == book.Loan.Id);
        var installments = await db.Installments.AsNoTracking().Where(i => i.LoanId == book.Loan.Id).OrderBy(i => i.Number).ToListAsync();
        var entry = await db.JournalEntries.AsNoTracking().SingleAsync(e => e.Id == book.Entry.Id);
        var lines = await db.JournalLines.AsNoTracking().Where(l => l.EntryId == book.Entry.Id).OrderBy(l => l.Account).ToListAsync();
        Assert.All(installments, i => Assert.True(i.Id > 0));
        Assert.All(lines, l => Assert.True(l.Id > 0));
        return
        [
            $"{loan.Principal}|{loan.AnnualRate}|{loan.TermMonths}|{loan.Method}|{loan.StartDate}|{loan.Currency}|{loan.Status}|{loan.BookedAt:O}|{loan.LastCloseDate}|{loan.DealerId}|{loan.Version}|{loan.Partition}|{loan.ProductVersion}|{loan.LoanToValue}|{loan.WarningReasons}",
            .. installments.Select(i => $"{i.Number}|{i.DueDate}|{i.Payment}|{i.Principal}|{i.Interest}|{i.Fee}|{i.Balance}|{i.PaidPrincipal}|{i.PaidInterest}|{i.InterestAccrued}|{i.AccruedInterest}"),
            $"{entry.BusinessDate}|{entry.Kind}|{entry.Description}|{entry.PostedAt:O}|{entry.PaymentId}",
            .. lines.Select(l => $"{l.Account}|{l.Side}|{l.Amount}"),
        ];
    }
}
