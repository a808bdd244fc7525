using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// Close of business for a date, loan by loan in pages: instalments falling due post their interest, and each loan's
/// days past due and delinquency bucket are set. A page is one transaction and marks its loans closed for the date,
/// so running a date twice changes nothing the second time and a run killed half-way finishes the date exactly once
/// when started again.
/// </summary>
public sealed class EndOfDay(AutoFinanceDbContext db, TimeProvider time)
{
    public const int PageSize = 500;

    public sealed record Result(DateOnly BusinessDate, int Loans, int Entries, IReadOnlyDictionary<string, int> Buckets, double Seconds);

    public async Task<Result> RunAsync(DateOnly businessDate, DelinquencyBuckets? buckets, CancellationToken ct)
    {
        buckets ??= DelinquencyBuckets.Default;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var loans = 0;
        var posted = 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (true)
        {
            var page = await db.Loans
                .Where(l => l.Status == "active" && l.StartDate <= businessDate && (l.LastCloseDate == null || l.LastCloseDate < businessDate))
                .OrderBy(l => l.Id)
                .Take(PageSize)
                .ToListAsync(ct).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            var ids = page.Select(l => l.Id).ToList();
            var installments = (await db.Installments.Where(i => ids.Contains(i.LoanId)).ToListAsync(ct).ConfigureAwait(false)).ToLookup(i => i.LoanId);
            var now = time.GetUtcNow();
            foreach (var loan in page)
            {
                var schedule = installments[loan.Id].OrderBy(i => i.Number).ToList();
                foreach (var entry in DueTransitions.Post(schedule, businessDate, Currency.FromCode(loan.Currency)))
                {
                    db.JournalEntries.Add(LoanBooking.ToRow(loan.Id, entry, now));
                    posted++;
                }

                loan.DaysPastDue = DaysPastDue.OfOldestUnpaid(DueTransitions.Owing(schedule, businessDate), businessDate);
                loan.Bucket = buckets.For(loan.DaysPastDue).Name;
                loan.LastCloseDate = businessDate;
                counts[loan.Bucket] = counts.GetValueOrDefault(loan.Bucket) + 1;
            }

            await AuditLog.SaveWithAsync(db, [new AuditEvent("system:cob", "cob.page", "business-date", businessDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), new { Loans = page.Count })], now, ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            loans += page.Count;
        }

        return new Result(businessDate, loans, posted, counts, Math.Round(watch.Elapsed.TotalSeconds, 3));
    }
}
