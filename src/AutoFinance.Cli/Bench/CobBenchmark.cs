using System.Diagnostics;
using AutoFinance.Domain.Schedules;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// End-of-day at scale: N active 36-month loans booked in a fresh database (varied amounts, start dates over the past
/// years, nine in ten paid to date and the rest behind), then one close of business timed.
/// </summary>
public static class CobBenchmark
{
    public sealed record Figures(string Database, int Workers, int Loans, double Seconds, double LoansPerSecond, int Entries, double PeakMemoryMb, double SetupSeconds);

    public static async Task<Figures> RunAsync(string provider, string connection, int count, int workers, CancellationToken ct)
    {
        await using var db = Open(provider, connection);
        await db.Database.EnsureDeletedAsync(ct).ConfigureAwait(false);
        await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        var setup = Stopwatch.StartNew();
        var businessDate = new DateOnly(2026, 11, 24);
        await SeedAsync(db, count, businessDate, ct).ConfigureAwait(false);
        var setupSeconds = setup.Elapsed.TotalSeconds;
        db.ChangeTracker.Clear();
        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(1, workers).Select(async n =>
        {
            await using var own = Open(provider, connection);
            return await new EndOfDay(own, TimeProvider.System).RunAsync(businessDate, new CobOptions { Worker = $"bench/{n}" }, ct).ConfigureAwait(false);
        })).ConfigureAwait(false);
        var seconds = watch.Elapsed.TotalSeconds;
        var closed = results.Sum(r => r.Loans);
        using var process = Process.GetCurrentProcess();
        return new Figures(provider, workers, closed, Math.Round(seconds, 2), Math.Round(closed / seconds), results.Sum(r => r.Entries), Math.Round(process.PeakWorkingSet64 / 1e6), Math.Round(setupSeconds, 1));
    }

    /// <summary>
    /// Books <paramref name="count"/> active 36-month loans closed up to the day before <paramref name="businessDate"/>,
    /// shaped like a real book: started over the past two years, nine in ten paid to date (some with an instalment due
    /// today or in the next days) and one in ten behind by 1 to 240 days, so every delinquency bucket and charge-off
    /// are exercised.
    /// </summary>
    public static async Task SeedAsync(AutoFinanceDbContext db, int count, DateOnly businessDate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var random = new Random(5);
        const int chunk = 2_000;
        for (var start = 0; start < count; start += chunk)
        {
            var loans = new List<LoanRow>();
            var installments = new List<InstallmentRow>();
            for (var i = start; i < Math.Min(count, start + chunk); i++)
            {
                var opened = businessDate.AddDays(-random.Next(20, 730));
                var terms = new LoanTerms { Principal = 50_000m + (random.Next(0, 2_000) * 100m), AnnualRate = 0.0599m, TermMonths = 36, Method = RepaymentMethod.Annuity, StartDate = opened };
                var schedule = ScheduleBuilder.Build(terms);
                var loan = new LoanRow
                {
                    Id = Guid.CreateVersion7(),
                    Reference = $"LNB{i:0000000}",
                    ContractId = Guid.CreateVersion7(),
                    ApplicationId = Guid.CreateVersion7(),
                    CustomerId = Guid.CreateVersion7(),
                    Principal = terms.Principal,
                    AnnualRate = terms.AnnualRate,
                    TermMonths = 36,
                    Method = "annuity",
                    StartDate = opened,
                    Currency = "CNY",
                    Status = Domain.Servicing.Loans.LoanStatus.Active,
                    BookedAt = DateTimeOffset.UtcNow,
                    LastCloseDate = businessDate.AddDays(-1),
                };
                loan.Partition = CobPartitions.Of(loan.Id);
                loans.Add(loan);
                var paidUpTo = random.NextDouble() < 0.1 ? businessDate.AddDays(-random.Next(1, 240)) : businessDate;
                foreach (var row in schedule.Installments)
                {
                    var paid = row.DueDate < paidUpTo;
                    installments.Add(new InstallmentRow
                    {
                        LoanId = loan.Id,
                        Number = row.Number,
                        DueDate = row.DueDate,
                        Payment = row.Payment,
                        Principal = row.Principal,
                        Interest = row.Interest,
                        Fee = row.Fee,
                        Balance = row.Balance,
                        PaidPrincipal = paid ? row.Principal : 0m,
                        PaidInterest = paid ? row.Interest : 0m,
                        InterestAccrued = row.DueDate < businessDate.AddDays(-1) || paid,
                    });
                }
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, loans, ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, installments, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Opens a benchmark database; its audit entries are keyed with a key of this process only (the data is thrown away).</summary>
    public static AutoFinanceDbContext Open(string provider, string connection) => provider == "postgresql"
        ? new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connection).UseAuditChainKey(BenchKeys.Chain).Options)
        : new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(connection).UseAuditChainKey(BenchKeys.Chain).Options);

    private static readonly AuditKeys BenchKeys = AuditKeys.Ephemeral();
}
