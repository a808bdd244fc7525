using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Collections;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// The book's roll rates, measured monthly from its end-of-day history: for each loan and each pair of month ends in
/// the last twelve months that end-of-day closed it for, the bucket it was in at the first and its state at the next
/// (a later bucket, charged off, or current again — paid off counts as current). The bucket at a month end is read
/// from the schedule and the dated allocations of every posted payment (customer payments, held credit applied at a
/// close, payoffs): an instalment is past due from its due date until the payment that completed it.
/// </summary>
public static class RollRateHistory
{
    public const int Months = 12;

    public static async Task<MeasuredRollRates> MeasureAsync(AutoFinanceDbContext db, DateOnly today, DelinquencyBuckets buckets, RollRateMatrix assumed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(buckets);
        var monthEnds = Enumerable.Range(0, Months + 1).Select(back => new DateOnly(today.Year, today.Month, 1).AddMonths(-back).AddDays(-1)).Reverse().ToList();
        var first = monthEnds[0];
        var last = monthEnds[^1];
        var loans = await db.Loans.AsNoTracking()
            .Where(l => l.StartDate <= last && l.LastCloseDate != null && l.LastCloseDate >= first)
            .Select(l => new { l.Id, l.StartDate, l.LastCloseDate, l.ClosedOn, l.ChargedOffOn, l.Status })
            .ToListAsync(ct).ConfigureAwait(false);
        var ids = loans.Select(l => l.Id).ToList();
        var installments = (await db.Installments.AsNoTracking().Where(i => ids.Contains(i.LoanId))
            .Select(i => new { i.LoanId, i.Number, i.DueDate, Total = i.Principal + i.Interest + i.Fee + i.LateFee + i.Penalty - i.WaivedLateFee - i.WaivedPenalty })
            .ToListAsync(ct).ConfigureAwait(false)).ToLookup(i => i.LoanId);
        var payments = (await db.Payments.AsNoTracking().Where(p => ids.Contains(p.LoanId) && p.Status == PostingStatus.Posted)
            .Select(p => new { p.LoanId, p.PaidOn, p.AllocationJson })
            .ToListAsync(ct).ConfigureAwait(false)).ToLookup(p => p.LoanId);

        var moves = new List<BucketMove>();
        foreach (var loan in loans)
        {
            var totals = installments[loan.Id].ToDictionary(i => i.Number, i => i.Total);
            var completed = InstalmentSettlements.Of(totals, payments[loan.Id].Select(p => (p.PaidOn, p.AllocationJson)));
            var dues = installments[loan.Id].Select(i => (i.DueDate, Completed: completed.TryGetValue(i.Number, out var on) ? on : (DateOnly?)null)).ToList();
            string BucketOn(DateOnly date) => buckets.For(DaysPastDue.Of(
                dues.Where(d => d.DueDate < date && (d.Completed is null || d.Completed > date)).Select(d => (DateOnly?)d.DueDate).DefaultIfEmpty(null).Min(), date)).Name;

            for (var m = 0; m < monthEnds.Count - 1; m++)
            {
                var (from, to) = (monthEnds[m], monthEnds[m + 1]);
                var open = loan.StartDate <= from && loan.LastCloseDate >= from && (loan.ClosedOn is null || loan.ClosedOn > from) && (loan.ChargedOffOn is null || loan.ChargedOffOn > from);
                if (!open)
                {
                    continue;
                }

                string? next = loan.ChargedOffOn is { } off && off <= to ? RollRateMatrix.ChargedOff
                    : loan.ClosedOn is { } closed && closed <= to ? buckets.For(0).Name
                    : loan.LastCloseDate >= to ? BucketOn(to)
                    : null;
                if (next is not null)
                {
                    moves.Add(new BucketMove(BucketOn(from), next));
                }
            }
        }

        return RollRateEstimator.Estimate(moves, Months, assumed);
    }
}
