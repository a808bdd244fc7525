using AutoFinance.Application.Security;
using AutoFinance.Domain.Servicing;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.ServiceDesk;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Infrastructure.CustomerIntelligence;

/// <summary>One booked loan with what the insight rules read about it.</summary>
public sealed record LoanFacts(
    LoanRow Loan,
    decimal Outstanding,
    IReadOnlyList<InstallmentRow> Installments,
    IReadOnlyList<PaymentRow> Payments,
    string VehicleEnergy,
    int VehicleYear,
    decimal VehiclePrice)
{
    public bool IsActive => Loan.Status == LoanStatus.Active;

    public int BucketIndex => Math.Max(0, Array.IndexOf(CustomerBook.BucketNames, Loan.Bucket));

    /// <summary>Instalments not yet paid (what is left of the term).</summary>
    public int RemainingInstalments => Installments.Count(i => !i.IsPaid);

    /// <summary>Outstanding over the vehicle value (the end-of-day figure when there is one, else over the price).</summary>
    public decimal LoanToValue => Loan.LoanToValue ?? (VehiclePrice > 0 ? Math.Round(Outstanding / VehiclePrice, 4) : 0m);

    public DateOnly? FinalDueDate => Installments.Count == 0 ? null : Installments.Max(i => i.DueDate);
}

/// <summary>One customer's facts on a business date, as every insight rule reads them.</summary>
public sealed record CustomerFacts(
    Guid CustomerId,
    DateOnly AsOf,
    DateTimeOffset CreatedAt,
    IReadOnlyList<LoanFacts> Loans,
    int Applications,
    DateTimeOffset LastActivity,
    int PaymentsMade,
    int PaymentsEarly,
    double AverageDaysEarly,
    int MissedPayments12m,
    int MissedPayments6m,
    int Prepayments6m,
    int Complaints12m,
    int Sessions3m,
    int? LastCsat,
    int Transactions12m,
    IReadOnlyList<DateTimeOffset> ComplaintTimes,
    IReadOnlyList<DateTimeOffset> SessionTimes,
    IReadOnlyList<(DateTimeOffset At, int Csat)> Satisfaction)
{
    public IEnumerable<LoanFacts> ActiveLoans => Loans.Where(l => l.IsActive);

    public decimal TotalFinanced => Loans.Sum(l => l.Loan.Principal);

    public int MaxBucket => Loans.Count == 0 ? 0 : Loans.Max(l => l.BucketIndex);

    public decimal CurrentLoanToValue => ActiveLoans.Select(l => l.LoanToValue).DefaultIfEmpty(0m).Max();

    public DateOnly? FirstLoanOn => Loans.Count == 0 ? null : Loans.Min(l => l.Loan.StartDate);

    public DateOnly? LatestLoanOn => Loans.Count == 0 ? null : Loans.Max(l => l.Loan.StartDate);

    public int? MonthsToMaturity => ActiveLoans.Select(l => l.FinalDueDate).Where(d => d is not null).Select(d => (int?)CustomerBook.MonthsBetween(AsOf, d!.Value)).Max();
}

/// <summary>
/// Reads the platform's own data for a set of customers into <see cref="CustomerFacts"/>: loans with their balances
/// from the ledger, instalments and payments, applications, complaints, satisfaction answers and app sessions.
/// </summary>
/// <remarks>
/// Rules the facts follow: a payment is early or late against the instalment it is matched to in order (the n-th
/// posted payment with the n-th instalment), since payments are allocated oldest instalment first; a missed payment
/// is an instalment past its due date and still unpaid; activity is the latest payment, application, booking,
/// case or sign-in; transactions over 12 months are payments, applications and bookings.
/// </remarks>
public sealed class CustomerBook(AutoFinanceDbContext db)
{
    public static readonly string[] BucketNames = [.. DelinquencyBuckets.Default.All.Select(b => b.Name)];

    public async Task<IReadOnlyList<CustomerFacts>> LoadAsync(DateOnly asOf, DateTimeOffset now, Guid? only, CancellationToken ct)
    {
        var customers = await db.Customers.AsNoTracking().Where(c => only == null || c.Id == only).Select(c => new { c.Id, c.CreatedAt }).ToListAsync(ct).ConfigureAwait(false);
        var applications = await db.Applications.AsNoTracking().Where(a => only == null || a.CustomerId == only)
            .Select(a => new { a.Id, a.CustomerId, a.SubmittedAt, a.VehicleEnergy, a.VehicleYear, a.VehiclePrice }).ToListAsync(ct).ConfigureAwait(false);
        var loans = await db.Loans.AsNoTracking().Where(l => only == null || l.CustomerId == only).ToListAsync(ct).ConfigureAwait(false);
        var loanIds = loans.Select(l => l.Id).ToList();
        var installments = (await db.Installments.AsNoTracking().Where(i => loanIds.Contains(i.LoanId)).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(i => i.LoanId).ToDictionary(g => g.Key, g => (IReadOnlyList<InstallmentRow>)[.. g.OrderBy(i => i.Number)]);
        var payments = (await db.Payments.AsNoTracking().Where(p => loanIds.Contains(p.LoanId) && p.Status == PostingStatus.Posted).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(p => p.LoanId).ToDictionary(g => g.Key, g => (IReadOnlyList<PaymentRow>)[.. g.OrderBy(p => p.PaidOn).ThenBy(p => p.ReceivedAt)]);
        var principalAccount = nameof(LedgerAccount.LoanPrincipalReceivable);
        var lines = await (from line in db.JournalLines.AsNoTracking()
                           join entry in db.JournalEntries.AsNoTracking() on line.EntryId equals entry.Id
                           where line.Account == principalAccount && loanIds.Contains(entry.LoanId)
                           select new { entry.LoanId, line.Side, line.Amount }).ToListAsync(ct).ConfigureAwait(false);
        var outstanding = lines.GroupBy(l => l.LoanId).ToDictionary(g => g.Key, g => g.Sum(l => l.Side == nameof(EntrySide.Debit) ? l.Amount : -l.Amount));
        var yearAgo = now.AddMonths(-12);
        var cases = await db.ServiceCases.AsNoTracking().Where(c => only == null || c.CustomerId == only).Select(c => new { c.CustomerId, c.Kind, c.OpenedAt }).ToListAsync(ct).ConfigureAwait(false);
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.AnsweredAt != null && s.Csat != null && (only == null || s.CustomerId == only))
            .Select(s => new { s.CustomerId, s.Csat, s.AnsweredAt }).ToListAsync(ct).ConfigureAwait(false);
        var threeMonthsAgo = now.AddMonths(-3);
        var sessions = await (from s in db.Sessions.AsNoTracking()
                              join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                              where u.Role == Roles.Customer && u.CustomerId != null && (only == null || u.CustomerId == only)
                              select new { CustomerId = u.CustomerId!.Value, s.CreatedAt }).ToListAsync(ct).ConfigureAwait(false);

        var appsBy = applications.ToLookup(a => a.CustomerId);
        var loansBy = loans.ToLookup(l => l.CustomerId);
        var casesBy = cases.ToLookup(c => c.CustomerId);
        var surveysBy = surveys.ToLookup(s => s.CustomerId);
        var sessionsBy = sessions.ToLookup(s => s.CustomerId);
        var appById = applications.ToDictionary(a => a.Id);
        var sixMonthsAgo = asOf.AddMonths(-6);
        var twelveMonthsAgo = asOf.AddMonths(-12);
        var result = new List<CustomerFacts>();
        foreach (var c in customers)
        {
            var own = loansBy[c.Id].Select(l =>
            {
                var application = appById.GetValueOrDefault(l.ApplicationId);
                return new LoanFacts(l, outstanding.GetValueOrDefault(l.Id), installments.GetValueOrDefault(l.Id, []), payments.GetValueOrDefault(l.Id, []),
                    application?.VehicleEnergy ?? "conventional", application?.VehicleYear ?? asOf.Year, application?.VehiclePrice ?? 0m);
            }).ToList();
            var daysEarly = new List<int>();
            var early = 0;
            foreach (var loan in own)
            {
                foreach (var (payment, installment) in loan.Payments.Zip(loan.Installments))
                {
                    var days = installment.DueDate.DayNumber - payment.PaidOn.DayNumber;
                    daysEarly.Add(days);
                    early += days > 0 ? 1 : 0;
                }
            }

            var overdue = own.SelectMany(l => l.Installments).Where(i => i.DueDate < asOf && !i.IsPaid).ToList();
            var allPayments = own.SelectMany(l => l.Payments).ToList();
            var activity = new[] { c.CreatedAt }
                .Concat(allPayments.Select(p => p.ReceivedAt))
                .Concat(appsBy[c.Id].Select(a => a.SubmittedAt))
                .Concat(own.Select(l => l.Loan.BookedAt))
                .Concat(casesBy[c.Id].Select(x => x.OpenedAt))
                .Concat(sessionsBy[c.Id].Select(s => s.CreatedAt))
                .Max();
            result.Add(new CustomerFacts(
                c.Id,
                asOf,
                c.CreatedAt,
                own,
                appsBy[c.Id].Count(),
                activity,
                allPayments.Count,
                early,
                daysEarly.Count == 0 ? 0 : daysEarly.Average(),
                overdue.Count(i => i.DueDate >= twelveMonthsAgo),
                overdue.Count(i => i.DueDate >= sixMonthsAgo),
                allPayments.Count(p => p.Prepaid > 0 && p.PaidOn >= sixMonthsAgo),
                casesBy[c.Id].Count(x => x.Kind == CaseVocabulary.Complaint && x.OpenedAt >= yearAgo),
                sessionsBy[c.Id].Count(s => s.CreatedAt >= threeMonthsAgo),
                surveysBy[c.Id].OrderByDescending(s => s.AnsweredAt).Select(s => s.Csat).FirstOrDefault(),
                allPayments.Count(p => p.ReceivedAt >= yearAgo) + appsBy[c.Id].Count(a => a.SubmittedAt >= yearAgo) + own.Count(l => l.Loan.BookedAt >= yearAgo),
                [.. casesBy[c.Id].Where(x => x.Kind == CaseVocabulary.Complaint).Select(x => x.OpenedAt)],
                [.. sessionsBy[c.Id].Select(s => s.CreatedAt)],
                [.. surveysBy[c.Id].Select(s => (s.AnsweredAt!.Value, s.Csat!.Value))]));
        }

        return result;
    }

    /// <summary>Whole months from one date to a later one (negative when earlier).</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        if (months > 0 && to.Day < from.Day)
        {
            months--;
        }
        else if (months < 0 && to.Day > from.Day)
        {
            months++;
        }

        return months;
    }
}
