using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Validation;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Reporting;

/// <summary>
/// The active model back-tested on its booked loans (<see cref="BackTest"/>): loans whose application it scored and whose
/// performance window is over, each bad or good by <see cref="BadDefinition.Default"/> (ever 30 or more days past due, or
/// charged off, within six months of the start), against the PD and grade the decision gave.
/// </summary>
/// <remarks>
/// Days past due are read from the schedule and the dated allocations of the loan's posted payments
/// (<see cref="InstalmentSettlements"/>), so a loan that fell behind and caught up still counts as bad. With fewer than
/// <see cref="ModelMonitoringQueries.MinimumMaturedLoans"/> matured loans the figures are indicative only.
/// </remarks>
internal static class ModelBackTestQuery
{
    public static async Task<ModelMonitoringQueries.BackTesting> GetAsync(AutoFinanceDbContext db, ScorecardDocument document, DateOnly today, CancellationToken ct)
    {
        var definition = BadDefinition.Default;

        // A few days' slack for month ends (31 August + 6 months is 28 February); IsMatured below is exact.
        var latestStart = today.AddMonths(-definition.WindowMonths).AddDays(3);
        var candidates = from l in db.Loans.AsNoTracking()
                         join a in db.Applications.AsNoTracking() on l.ApplicationId equals a.Id
                         where a.ModelVersion == document.ModelId && a.Pd != null && a.Grade != null && l.StartDate <= latestStart
                         select new { l.Id, l.StartDate, l.ClosedOn, l.ChargedOffOn, a.Grade, a.Pd };
        var loans = (await candidates.ToListAsync(ct).ConfigureAwait(false)).Where(l => definition.IsMatured(l.StartDate, today)).ToList();
        var installments = (await (from i in db.Installments.AsNoTracking()
                                   join l in candidates on i.LoanId equals l.Id
                                   select new { i.LoanId, i.Number, i.DueDate, Total = i.Principal + i.Interest + i.Fee + i.LateFee + i.Penalty - i.WaivedLateFee - i.WaivedPenalty })
            .ToListAsync(ct).ConfigureAwait(false)).ToLookup(i => i.LoanId);
        var payments = (await (from p in db.Payments.AsNoTracking()
                               join l in candidates on p.LoanId equals l.Id
                               where p.Status == PostingStatus.Posted
                               select new { p.LoanId, p.PaidOn, p.AllocationJson })
            .ToListAsync(ct).ConfigureAwait(false)).ToLookup(p => p.LoanId);

        var gradeNames = document.Grades.Select(g => g.Grade).ToList();
        var grade = new List<int>(loans.Count);
        var pd = new List<double>(loans.Count);
        var bad = new List<byte>(loans.Count);
        foreach (var loan in loans)
        {
            var index = gradeNames.IndexOf(loan.Grade!);
            if (index < 0)
            {
                continue;
            }

            var totals = installments[loan.Id].ToDictionary(i => i.Number, i => i.Total);
            var settled = InstalmentSettlements.Of(totals, payments[loan.Id].Select(p => (p.PaidOn, p.AllocationJson)));
            var history = installments[loan.Id].Select(i => new InstalmentSettlement(i.DueDate, settled.TryGetValue(i.Number, out var on) ? on : null));
            grade.Add(index);
            pd.Add(loan.Pd!.Value);
            bad.Add(definition.IsBad(loan.StartDate, history, loan.ClosedOn, loan.ChargedOffOn) ? (byte)1 : (byte)0);
        }

        var report = BackTest.Of(gradeNames, [.. grade], [.. pd], [.. bad]);
        var grades = report.Grades
            .Select((g, i) => new ModelMonitoringQueries.GradeOutcome(g.Grade, document.Grades[i].MinScore, g.Count, g.Bads, g.ObservedBadRate, g.PredictedPd))
            .Where(g => g.Loans > 0)
            .ToList();
        return new ModelMonitoringQueries.BackTesting(
            today, definition.WindowMonths, definition.DaysPastDue, report.Loans, report.Bads, report.ObservedBadRate, report.ExpectedBadRate,
            report.Auc, report.Gini, report.Ks, report.Loans < ModelMonitoringQueries.MinimumMaturedLoans, grades);
    }
}
