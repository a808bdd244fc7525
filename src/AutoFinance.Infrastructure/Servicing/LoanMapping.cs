using AutoFinance.Application.Common;
using AutoFinance.Application.Servicing;
using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Payoff;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Persistence;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// Rows to the loan aggregate and back: the loan row and its instalment rows become a <see cref="Loan"/>, the
/// payment rows its postings; after an operation the state is copied onto the rows (instalments a re-plan added or
/// dropped are added or removed) and new postings become payment rows. No rule lives here.
/// </summary>
public static class LoanMapping
{
    public const string Hold = PaymentSurplus.Hold;
    public const string Prepay = PaymentSurplus.Prepay;
    public const string PrepayKeepPayment = PaymentSurplus.PrepayKeepPayment;
    public const string Payoff = "payoff";
    public const string Credit = "credit";

    /// <summary>The day count a booked loan accrues by: its offer's, which is the schedule default.</summary>
    public static readonly DayCountConvention AccrualDayCount = new LoanTerms { Principal = 0m, AnnualRate = 0m, TermMonths = 1, Method = RepaymentMethod.Annuity, StartDate = default }.DayCount;

    /// <summary>The terms the loan was booked on, as the offer's schedule was built.</summary>
    public static LoanTerms TermsOf(LoanRow loan)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return new LoanTerms
        {
            Principal = loan.Principal,
            AnnualRate = loan.AnnualRate,
            TermMonths = loan.TermMonths,
            Method = RepaymentMethodNames.Parse(loan.Method) ?? throw new InvalidOperationException($"loan {loan.Id} has an unknown method {loan.Method}"),
            StartDate = loan.StartDate,
            BalloonFraction = loan.BalloonFraction,
            Currency = Currency.FromCode(loan.Currency),
        };
    }

    /// <summary>What the loan's row keeps of its running instalment's recognised interest (<see cref="LoanRow.RunningInstallment"/>).</summary>
    public static RunningInterest Running(LoanRow loan)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return new RunningInterest(loan.RunningInstallment, loan.RunningAccruedInterest);
    }

    /// <param name="running">The loan row's running interest; the instalment rows alone are read without it.</param>
    public static InstallmentState StateOf(InstallmentRow row, RunningInterest running = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new InstallmentState
        {
            Number = row.Number,
            DueDate = row.DueDate,
            Payment = row.Payment,
            Principal = row.Principal,
            Interest = row.Interest,
            Fee = row.Fee,
            Balance = row.Balance,
            PaidPrincipal = row.PaidPrincipal,
            PaidInterest = row.PaidInterest,
            PaidFee = row.PaidFee,
            FallenDue = row.InterestAccrued,
            AccruedInterest = row.InterestAccrued ? row.Interest : running.Of(row.Number, row.AccruedInterest),
            LateFee = row.LateFee,
            PaidLateFee = row.PaidLateFee,
            Penalty = row.Penalty,
            PenaltyExact = row.PenaltyExact,
            PaidPenalty = row.PaidPenalty,
            WaivedLateFee = row.WaivedLateFee,
            WaivedPenalty = row.WaivedPenalty,
        };
    }

    public static SurplusChoice SurplusOf(string surplus) => PaymentSurplus.ChoiceOf(surplus);

    public static string SurplusText(LoanPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        return posting.Kind switch
        {
            PostingKind.Payoff => Payoff,
            PostingKind.CreditApplied => Credit,
            _ when posting.Surplus == SurplusChoice.Hold => Hold,
            _ => posting.Mode == ReamortisationMode.KeepPayment ? PrepayKeepPayment : Prepay,
        };
    }

    public static LoanPosting PostingOf(PaymentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new LoanPosting
        {
            Id = row.Id,
            Kind = row.Surplus switch { Payoff => PostingKind.Payoff, Credit => PostingKind.CreditApplied, _ => PostingKind.Payment },
            Amount = row.Amount,
            PaidOn = row.PaidOn,
            Surplus = SurplusOf(row.Surplus),
            Mode = PaymentSurplus.ModeOf(row.Surplus),
            Parts = Json.Deserialize<List<InstallmentAllocation>>(row.AllocationJson) ?? [],
            Prepaid = row.Prepaid,
            Held = row.Overpayment,
            ScheduleBefore = row.ScheduleBeforeJson is { } before ? Json.Deserialize<List<Installment>>(before) : null,
        };
    }

    /// <summary>
    /// The aggregate of a loan from its rows; <paramref name="payments"/> are the postings in force, oldest first (none
    /// when the operation only adds); <paramref name="dayCount"/> is the product's accrual day count when it sets one.
    /// </summary>
    public static Loan ToAggregate(
        LoanRow loan,
        IEnumerable<InstallmentRow> installments,
        IEnumerable<PaymentRow> payments,
        CustomerCredit.Held held,
        ServicingTerms servicing,
        DateOnly? restructuredOn = null,
        DayCountConvention? dayCount = null)
    {
        ArgumentNullException.ThrowIfNull(loan);
        var terms = TermsOf(loan);
        var running = Running(loan);
        return Loan.Restore(
            dayCount is { } productDayCount ? terms with { DayCount = productDayCount } : terms,
            servicing,
            loan.Status,
            installments.Select(i => StateOf(i, running)),
            payments.Select(PostingOf),
            held.Credit,
            held.RefundPayable,
            loan.LastCloseDate,
            loan.ClosedOn,
            loan.ChargedOffOn,
            restructuredOn,
            loan.DaysPastDue);
    }

    /// <summary>
    /// Copies the aggregate's state onto the rows: the loan's status, dates and days past due, and every instalment
    /// (a row is added for an instalment the aggregate has and the rows lack, and removed for one it no longer has).
    /// </summary>
    public static void CopyBack(Loan aggregate, LoanRow loan, List<InstallmentRow> rows, AutoFinanceDbContext? db)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(rows);
        loan.Status = aggregate.Status;
        loan.AnnualRate = aggregate.Terms.AnnualRate;
        loan.ClosedOn = aggregate.ClosedOn;
        loan.ChargedOffOn = aggregate.ChargedOffOn;
        loan.LastCloseDate = aggregate.ClosedThrough;
        loan.DaysPastDue = aggregate.DaysPastDue;
        loan.Bucket = aggregate.Bucket.Name;
        // Every instalment's recognised interest goes back to its row below.
        loan.RunningInstallment = null;
        loan.RunningAccruedInterest = 0m;
        // What the close kept of the running period was read from the rows written below: read it again next time.
        RunningPeriod.Forget(loan);
        var byNumber = rows.ToDictionary(r => r.Number);
        foreach (var state in aggregate.Installments)
        {
            if (!byNumber.Remove(state.Number, out var row))
            {
                row = new InstallmentRow { LoanId = loan.Id, Number = state.Number };
                rows.Add(row);
                db?.Installments.Add(row);
            }

            row.DueDate = state.DueDate;
            row.Payment = state.Payment;
            row.Principal = state.Principal;
            row.Interest = state.Interest;
            row.Fee = state.Fee;
            row.Balance = state.Balance;
            row.PaidPrincipal = state.PaidPrincipal;
            row.PaidInterest = state.PaidInterest;
            row.PaidFee = state.PaidFee;
            row.InterestAccrued = state.FallenDue;
            row.AccruedInterest = state.AccruedInterest;
            row.LateFee = state.LateFee;
            row.PaidLateFee = state.PaidLateFee;
            row.Penalty = state.Penalty;
            // Stored to the column's places; the posted penalty (whole cents) is what the ledger holds.
            row.PenaltyExact = Math.Round(state.PenaltyExact, AutoFinanceDbContext.RateScale, MidpointRounding.AwayFromZero);
            row.PaidPenalty = state.PaidPenalty;
            row.WaivedLateFee = state.WaivedLateFee;
            row.WaivedPenalty = state.WaivedPenalty;
        }

        foreach (var gone in byNumber.Values)
        {
            rows.Remove(gone);
            db?.Installments.Remove(gone);
        }

        rows.Sort((x, y) => x.Number.CompareTo(y.Number));
    }

    /// <summary>Copies a posting's split onto its payment row.</summary>
    public static void CopyBack(LoanPosting posting, PaymentRow row)
    {
        ArgumentNullException.ThrowIfNull(posting);
        ArgumentNullException.ThrowIfNull(row);
        row.AllocationJson = Json.Serialize(posting.Parts);
        row.Overpayment = posting.Held;
        row.Prepaid = posting.Prepaid;
        row.ScheduleBeforeJson = posting.ScheduleBefore is { } before ? Json.Serialize(before) : null;
    }

    /// <summary>A new payment row for a posting the aggregate made (held credit applied, or a payment or payoff the caller completes).</summary>
    public static PaymentRow NewRow(Guid loanId, LoanPosting posting, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var row = new PaymentRow
        {
            Id = posting.Id,
            LoanId = loanId,
            Amount = posting.Amount,
            PaidOn = posting.PaidOn,
            ReceivedAt = now,
            Actor = actor,
            ResponseJson = "{}",
            Surplus = SurplusText(posting),
        };
        CopyBack(posting, row);
        return row;
    }

    /// <summary>
    /// Journal rows for an operation's entries. The entry of a payment, payoff or credit application carries its
    /// posting's id (the n-th such entry belongs to the n-th such posting among <paramref name="postings"/>).
    /// </summary>
    public static List<JournalEntryRow> EntryRows(Guid loanId, IEnumerable<JournalEntry> entries, IReadOnlyList<LoanPosting> postings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(postings);
        var queue = new Queue<LoanPosting>(postings);
        var rows = new List<JournalEntryRow>();
        foreach (var entry in entries)
        {
            var row = LoanBooking.ToRow(loanId, entry, now);
            if (entry.Kind is JournalEventKind.Payment or JournalEventKind.Payoff or JournalEventKind.CreditApplied && queue.Count > 0)
            {
                row.PaymentId = queue.Dequeue().Id;
            }

            rows.Add(row);
        }

        return rows;
    }
}
