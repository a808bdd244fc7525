using System.Globalization;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Payoff;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing.Accrual;
using AutoFinance.Domain.Servicing.Hardship;
using AutoFinance.Domain.Servicing.LateCharges;

namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>
/// A booked loan and its lifecycle: the instalments as they stand, the credit the customer holds, the postings that
/// put money on the instalments, and every servicing event as an operation that returns its outcome and the balanced
/// journal entries it causes. No I/O: a caller restores the loan from storage, runs one operation and saves the state
/// and the entries together.
/// </summary>
/// <remarks>
/// The rules, each in one place:
/// <list type="bullet">
/// <item><b>Accrual.</b> Interest is recognised day by day over each instalment's period by the loan's day count
/// (<see cref="AccrualPeriod"/>), so a period's accruals add up to its scheduled interest exactly; an instalment
/// falling due recognises whatever is left of its interest and its scheduled fee.</item>
/// <item><b>Held credit</b> is applied to what is due whenever something falls due (close of business and every
/// posting), before lateness is charged or days past due are measured.</item>
/// <item><b>Payments</b> are split by the product's waterfall over what is due on the payment date; the surplus is held
/// or prepaid (<see cref="PartialPrepayment"/> re-amortises the instalments after the next one).</item>
/// <item><b>Lateness</b> is charged by <see cref="LateChargeCalculator"/> under the product's terms.</item>
/// <item><b>Payoff</b> is what is due, the principal not yet due, the running period's interest accrued to the date
/// and the product's prepayment fee, less credit.</item>
/// <item><b>Closing</b> leaves every receivable at zero; credit still held moves to refund payable.</item>
/// </list>
/// </remarks>
public sealed partial class Loan
{
    private readonly List<InstallmentState> installments;
    private readonly List<LoanPosting> postings;
    private readonly Func<Guid> newId;

    private Loan(LoanTerms terms, ServicingTerms servicing, IEnumerable<InstallmentState> installments, IEnumerable<LoanPosting> postings, Func<Guid>? newId)
    {
        Terms = terms;
        Servicing = servicing;
        this.installments = [.. installments.OrderBy(i => i.Number)];
        this.postings = [.. postings];
        this.newId = newId ?? Guid.NewGuid;
    }

    /// <summary>The terms the loan was booked on (method, day count, start, currency), with the annual rate in force (<see cref="ChangeRate"/>).</summary>
    public LoanTerms Terms { get; private set; }

    public ServicingTerms Servicing { get; }

    public Currency Currency => Terms.Currency;

    public LoanStatus Status { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public DateOnly? ChargedOffOn { get; private set; }

    /// <summary>The last business date closed for this loan (interest accrued and lateness charged through it).</summary>
    public DateOnly? ClosedThrough { get; private set; }

    /// <summary>Credit the customer holds (the customer-overpayment liability).</summary>
    public decimal HeldCredit { get; private set; }

    /// <summary>Credit held when the loan closed, owed back to the customer (the refund-payable liability).</summary>
    public decimal RefundPayable { get; private set; }

    /// <summary>When a hardship plan re-planned the loan, if one did.</summary>
    public DateOnly? RestructuredOn { get; private set; }

    /// <summary>Days past due at the last close of business.</summary>
    public int DaysPastDue { get; private set; }

    public IReadOnlyList<InstallmentState> Installments => installments;

    /// <summary>Postings in force, in the order they were made (reversed payments are gone).</summary>
    public IReadOnlyList<LoanPosting> Postings => postings;

    public DelinquencyBucket Bucket => Servicing.Buckets.For(DaysPastDue);

    /// <summary>Principal lent and not yet repaid.</summary>
    public decimal PrincipalOutstanding => installments.Sum(i => i.Principal - i.PaidPrincipal);

    /// <summary>Books a loan on its terms: the schedule as instalments and the disbursement entry.</summary>
    public static LoanResult<Loan> Book(LoanTerms terms, ServicingTerms? servicing = null, Func<Guid>? newId = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var schedule = ScheduleBuilder.Build(terms);
        var loan = new Loan(terms, servicing ?? ServicingTerms.Default, schedule.Installments.Select(InstallmentState.From), [], newId);
        var disbursed = LoanPostings.Disbursement(terms.StartDate, Money.Of(terms.LoanPrincipal, terms.Currency));
        return LoanResult<Loan>.Ok(loan, [disbursed]);
    }

    /// <summary>A loan as stored: its terms, state, instalments and the postings in force.</summary>
    public static Loan Restore(
        LoanTerms terms,
        ServicingTerms servicing,
        LoanStatus status,
        IEnumerable<InstallmentState> installments,
        IEnumerable<LoanPosting> postings,
        decimal heldCredit,
        decimal refundPayable = 0m,
        DateOnly? closedThrough = null,
        DateOnly? closedOn = null,
        DateOnly? chargedOffOn = null,
        DateOnly? restructuredOn = null,
        int daysPastDue = 0,
        Func<Guid>? newId = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(servicing);
        ArgumentNullException.ThrowIfNull(installments);
        ArgumentNullException.ThrowIfNull(postings);
        return new Loan(terms, servicing, installments, postings, newId)
        {
            Status = status,
            HeldCredit = heldCredit,
            RefundPayable = refundPayable,
            ClosedThrough = closedThrough,
            ClosedOn = closedOn,
            ChargedOffOn = chargedOffOn,
            RestructuredOn = restructuredOn,
            DaysPastDue = daysPastDue,
        };
    }

    /// <summary>
    /// A loan whose first <paramref name="installmentsPaid"/> instalments were paid on their due dates and nothing
    /// else happened: the state a quote on schedule terms alone (the <c>payoff</c> command) starts from.
    /// </summary>
    public static Loan PaidTo(LoanTerms terms, int installmentsPaid, ServicingTerms? servicing = null)
    {
        var loan = Book(terms, servicing).Value!;
        for (var i = 0; i < Math.Min(installmentsPaid, loan.installments.Count); i++)
        {
            var row = loan.installments[i];
            loan.installments[i] = row with
            {
                FallenDue = true,
                AccruedInterest = row.Interest,
                PaidPrincipal = row.Principal,
                PaidInterest = row.Interest,
                PaidFee = row.Fee,
            };
        }

        loan.ClosedThrough = installmentsPaid > 0 ? loan.installments[Math.Min(installmentsPaid, loan.installments.Count) - 1].DueDate : null;
        return loan;
    }

    /// <summary>A deep copy, for trying an operation without changing this loan.</summary>
    public Loan Copy() => Restore(Terms, Servicing, Status, installments, postings, HeldCredit, RefundPayable, ClosedThrough, ClosedOn, ChargedOffOn, RestructuredOn, DaysPastDue, newId);

    /// <summary>What each instalment due by the date still owes, oldest first.</summary>
    public IReadOnlyList<InstallmentDue> Owing(DateOnly upTo) =>
        [.. installments.Where(i => i.DueDate <= upTo && !i.IsPaid).Select(i => i.Owing)];

    /// <summary>
    /// The interest a running period has accrued by the end of <paramref name="on"/>: the rule <see cref="CloseDay"/>
    /// applies, for callers that close many quiet loans without restoring each one.
    /// </summary>
    public static decimal RunningAccrual(int number, DateOnly periodStart, DateOnly dueDate, decimal interest, Currency currency, Calendar.DayCountConvention dayCount, DateOnly on) =>
        new AccrualPeriod(number, periodStart < dueDate ? periodStart : dueDate, dueDate, interest, currency).AccruedThrough(on, dayCount);

    /// <summary>The running period's interest accrued to the end of <paramref name="on"/> by the day count (0 when no period runs).</summary>
    public decimal InterestAccruedTo(DateOnly on)
    {
        var index = installments.FindIndex(i => i.DueDate > on);
        return index < 0 ? 0m : Period(index).AccruedThrough(on, Terms.DayCount);
    }

    /// <summary>
    /// Close of business for <paramref name="businessDate"/>: instalments falling due, held credit applied, the
    /// running period's interest accrued to the date, lateness charged, days past due measured, and what is left
    /// written off at the product's charge-off threshold. A date already closed changes nothing.
    /// </summary>
    public LoanResult<int> CloseDay(DateOnly businessDate)
    {
        var entries = new List<JournalEntry>();
        CloseDay(businessDate, entries);
        return LoanResult<int>.Ok(DaysPastDue, entries);
    }

    private void CloseDay(DateOnly businessDate, List<JournalEntry> entries)
    {
        if (Status != LoanStatus.Active || businessDate < Terms.StartDate || (ClosedThrough is { } closed && businessDate <= closed))
        {
            return;
        }

        FallDue(businessDate, entries);
        Accrue(businessDate, entries);
        ChargeLateness(businessDate, entries);
        DaysPastDue = global::AutoFinance.Domain.Servicing.DaysPastDue.OfOldestUnpaid(Owing(businessDate), businessDate);
        ClosedThrough = businessDate;
        if (Status == LoanStatus.Active && DaysPastDue >= Servicing.ChargeOffDays)
        {
            WriteOff(businessDate, string.Create(CultureInfo.InvariantCulture, $"Charged off at {DaysPastDue} days past due"), entries);
        }
    }

    /// <summary>
    /// Closes the business days before <paramref name="on"/> not yet closed, as end-of-day would have by then (one
    /// close covers the days since the last, as when it catches up), so a payoff on that date owes the late fees and
    /// penalty interest those days charge.
    /// </summary>
    private void CloseDaysBefore(DateOnly on, List<JournalEntry> entries) => CloseDay(on.AddDays(-1), entries);

    /// <summary>
    /// A payment of <paramref name="amount"/> received on <paramref name="paidOn"/>: what fell due by then falls due
    /// (held credit applied first), the payment is split by the product's waterfall, and the surplus is held or
    /// prepaid as the customer chose. The loan closes when nothing is left to pay.
    /// </summary>
    public LoanResult<LoanPosting> Pay(Guid id, decimal amount, DateOnly paidOn, SurplusChoice surplus = SurplusChoice.Hold, ReamortisationMode mode = ReamortisationMode.KeepTerm)
    {
        if (amount <= 0m || Currency.Round(amount) != amount)
        {
            return LoanResult<LoanPosting>.Refused(ServicingError.Invalid("payment.amount.invalid", "amount", $"must be a positive amount in whole {Currency.Code} minor units"));
        }

        if (Status != LoanStatus.Active)
        {
            return NotActive<LoanPosting>();
        }

        if (paidOn < Terms.StartDate)
        {
            return LoanResult<LoanPosting>.Refused(ServicingError.Invalid("payment.date.before_start", "paidOn", $"must not be before the loan's start {Terms.StartDate:yyyy-MM-dd}",
                new Dictionary<string, string> { ["start"] = Terms.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        }

        if (surplus == SurplusChoice.Prepay && Terms.Method == RepaymentMethod.FlatFee)
        {
            return LoanResult<LoanPosting>.Refused(ServicingError.Invalid("payment.surplus.prepay_unsupported", "surplus", "a flat-fee loan cannot be re-amortised; choose hold, or pay it off"));
        }

        if (surplus == SurplusChoice.Prepay && mode == ReamortisationMode.KeepPayment && Terms.Method is not (RepaymentMethod.Annuity or RepaymentMethod.EqualPrincipal))
        {
            return LoanResult<LoanPosting>.Refused(ServicingError.Invalid("payment.mode.keep_payment_unsupported", "mode", "keeping the payment applies to annuity and equal-principal loans; keep the term instead"));
        }

        var later = postings.FindIndex(p => p.PaidOn > paidOn);
        if (later >= 0 || ReplaysClosedDays(paidOn) is not null)
        {
            return PayBefore(later, id, amount, paidOn, surplus, mode);
        }

        var entries = new List<JournalEntry>();
        var posting = PayCore(id, amount, paidOn, surplus, mode, entries);
        return LoanResult<LoanPosting>.Ok(posting, entries);
    }

    /// <summary>
    /// The payoff on <paramref name="on"/>, worked out on a copy (this loan does not change): the days before it that
    /// end-of-day has not closed yet are closed first, so a quote for a later date owes the late fees and penalty
    /// interest a late loan keeps charging until then; for a date end-of-day has already closed, it is what was owed
    /// on that date, as the payoff dated then takes (<see cref="PayOffOn"/>). A date by which the loan would be
    /// written off is refused.
    /// </summary>
    public LoanResult<PayoffStatement> Quote(DateOnly on)
    {
        if (Status != LoanStatus.Active)
        {
            return NotActive<PayoffStatement>();
        }

        if (on < Terms.StartDate)
        {
            return LoanResult<PayoffStatement>.Refused(ServicingError.Invalid("payoff.date.before_start", "on", $"must not be before the loan's start {Terms.StartDate:yyyy-MM-dd}"));
        }

        var copy = Copy();
        copy.CloseDaysBefore(on, []);
        if (copy.Status == LoanStatus.ChargedOff)
        {
            var writtenOff = FirstDayWrittenOffBy(on.AddDays(-1));
            return LoanResult<PayoffStatement>.Refused(ServicingError.Invalid("payoff.date.after_charge_off", "on",
                $"the loan is written off at the close of {writtenOff:yyyy-MM-dd} unless paid by then; ask for that date or an earlier one",
                new Dictionary<string, string> { ["chargedOff"] = writtenOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        }

        return LoanResult<PayoffStatement>.Ok(copy.PayOffOn(Guid.Empty, on, []).Statement, []);
    }

    /// <summary>
    /// The first day whose close writes the loan off, unpaid, given that closing through <paramref name="last"/> does.
    /// One close over a gap writes off on its last day, as end-of-day catching up does; the day a loan reaches the
    /// threshold is found by closing copies, since a loan written off by one day's close is written off by any later one.
    /// </summary>
    private DateOnly FirstDayWrittenOffBy(DateOnly last)
    {
        var low = ClosedThrough is { } closed && closed >= Terms.StartDate ? closed.AddDays(1) : Terms.StartDate;
        var high = last;
        while (low < high)
        {
            var middle = low.AddDays((high.DayNumber - low.DayNumber) / 2);
            var probe = Copy();
            probe.CloseDay(middle, []);
            if (probe.Status == LoanStatus.ChargedOff)
            {
                high = middle;
            }
            else
            {
                low = middle.AddDays(1);
            }
        }

        return high;
    }

    /// <summary>
    /// Pays the loan off on <paramref name="on"/>: the days before it not yet closed are closed (as the quote does),
    /// the running period's interest is recognised to the date (later
    /// periods charge none), the product's prepayment fee is charged, held credit is used first and the cash pays the
    /// rest. A date end-of-day has already closed owes what it would have owed then (<see cref="PayOffOn"/>). With
    /// <paramref name="expected"/> given, a different payoff amount is refused (the quote changed).
    /// </summary>
    public LoanResult<LoanPosting> PayOff(Guid id, DateOnly on, decimal? expected = null)
    {
        var quote = Quote(on);
        if (!quote.Succeeded)
        {
            return LoanResult<LoanPosting>.Refused(quote.Error!);
        }

        // Credit the closes since a closed payoff date applied is taken back when those days are closed again.
        var replays = ReplaysPayoff(on) is not null;
        if (postings.LastOrDefault(p => p.PaidOn > on && !(replays && p.Kind == PostingKind.CreditApplied)) is { } last)
        {
            return LoanResult<LoanPosting>.Refused(ServicingError.Conflict("payoff.date.before_last_posting", $"a payment was posted on {last.PaidOn:yyyy-MM-dd}; a payoff cannot be dated before it"));
        }

        if (expected is { } amount && amount != quote.Value!.Total)
        {
            return LoanResult<LoanPosting>.Refused(ServicingError.Conflict("payoff.amount.changed", $"the payoff amount on {on:yyyy-MM-dd} is {quote.Value!.Total}, not {amount}; ask for a new quote",
                new Dictionary<string, string> { ["payoff"] = quote.Value!.Total.ToString(CultureInfo.InvariantCulture), ["expected"] = amount.ToString(CultureInfo.InvariantCulture) }));
        }

        var entries = new List<JournalEntry>();
        var posting = PayOffOn(id, on, entries).Posting;
        return LoanResult<LoanPosting>.Ok(posting, entries);
    }

    /// <summary>
    /// The payoff on <paramref name="on"/> posted, the quote and the payoff alike: on a day end-of-day has already
    /// closed, the days since are closed again with the loan paid off on its date (<see cref="PostBefore{T}"/>), so it
    /// owes what it would have owed on that date, and what those days recognised and charged after it is taken back.
    /// </summary>
    private (LoanPosting Posting, PayoffStatement Statement) PayOffOn(Guid id, DateOnly on, List<JournalEntry> entries) =>
        ReplaysPayoff(on) is null
            ? SettleOff(id, on, entries)
            : PostBefore(postings.FindIndex(p => p.PaidOn > on), on, "a backdated payoff", again => SettleOff(id, on, again), entries);

    private (LoanPosting Posting, PayoffStatement Statement) SettleOff(Guid id, DateOnly on, List<JournalEntry> entries)
    {
        CloseDaysBefore(on, entries);
        var statement = Settle(on, entries);
        var creditUsed = statement.Owed - statement.Total;
        var owed = installments.Where(i => !i.IsPaid).Select(i => i.Owing).ToList();
        var parts = new List<InstallmentAllocation>();
        if (statement.Owed > 0m)
        {
            var allocation = PaymentAllocator.Allocate(owed, Money.Of(statement.Owed, Currency), Servicing.Allocation);
            Apply(allocation.Installments);
            parts.AddRange(allocation.Installments.Where(p => p.Total > 0m));
            entries.Add(LoanPostings.Payoff(on, allocation, creditUsed, $"Paid off on {on:yyyy-MM-dd}"));
        }

        HeldCredit -= creditUsed;
        var posting = new LoanPosting { Id = id, Kind = PostingKind.Payoff, Amount = statement.Total, PaidOn = on, Parts = parts, CreditUsed = creditUsed };
        postings.Add(posting);
        CloseIfSettled(on, entries);
        return (posting, statement);
    }

    /// <summary>
    /// Reverses a payment (returned, bounced, posted in error) on <paramref name="on"/>: it and every posting after it
    /// are taken off the instalments, it is dropped, and the later ones are applied again in their order. The ledger
    /// gets the exact opposite of the reversed payment's entry and one restatement that moves what the later postings
    /// now settle differently (their cash is the same). Late fees and penalty already charged stay. The value is the
    /// number of later payments applied again.
    /// </summary>
    public LoanResult<int> Reverse(Guid paymentId, DateOnly on, string reason)
    {
        var index = postings.FindIndex(p => p.Id == paymentId && p.Kind == PostingKind.Payment);
        if (index < 0)
        {
            return LoanResult<int>.Refused(ServicingError.Invalid("reversal.payment.not_found", "paymentId", "no payment in force with this id on the loan"));
        }

        var reversed = postings[index];
        if (Status == LoanStatus.ChargedOff)
        {
            return NotActive<int>();
        }

        if (RestructuredOn is { } restructured && restructured >= reversed.PaidOn)
        {
            return LoanResult<int>.Refused(ServicingError.Conflict("reversal.loan.restructured", "the loan was restructured after this payment; reverse the restructure first"));
        }

        if (postings.Skip(index).Any(p => p.Kind == PostingKind.Payoff))
        {
            return LoanResult<int>.Refused(ServicingError.Conflict("reversal.loan.paid_off", "the loan was paid off after this payment; a payoff is not reversed"));
        }

        var entries = new List<JournalEntry>();
        if (RefundPayable > 0m)
        {
            entries.Add(LoanPostings.Reversal(on, LoanPostings.Refund(on, Money.Of(RefundPayable, Currency)), "Refund payable taken back: the loan reopened"));
            HeldCredit += RefundPayable;
            RefundPayable = 0m;
        }

        var affected = postings.Skip(index).ToList();
        postings.RemoveRange(index, affected.Count);
        foreach (var posting in Enumerable.Reverse(affected))
        {
            Undo(posting);
        }

        Status = LoanStatus.Active;
        ClosedOn = null;
        TrueUpRecognition(on, entries);
        entries.Add(LoanPostings.Reversal(on, EntryOf(reversed), $"Payment of {reversed.Amount} reversed: {reason}"));
        ApplyAgain(affected.Skip(1).ToList(), on, "a reversal", entries);
        CloseIfSettled(on, entries);
        return LoanResult<int>.Ok(affected.Skip(1).Count(p => p.Kind == PostingKind.Payment), entries);
    }

    /// <summary>
    /// A payment dated before postings already in force (staff backdating within the window) or on a day end-of-day
    /// has already closed (a statement line reconciled days later): the later postings are taken off the instalments,
    /// the payment is applied on its date, and they are applied again in their order, so the balances are what posting
    /// everything in date order gives. The payment posts its own entry; what the later postings now settle differently
    /// is restated in one entry dated on the last of them. The days closed since the value date are closed again with
    /// the money where its date puts it (<see cref="ReplaysClosedDays"/>): the penalty interest and late fees they
    /// charged are what charging in date order gives, and what they no longer charge is taken back in one correction
    /// entry. Days past due follow.
    /// </summary>
    private LoanResult<LoanPosting> PayBefore(int index, Guid id, decimal amount, DateOnly paidOn, SurplusChoice surplus, ReamortisationMode mode)
    {
        if (index >= 0 && RestructuredOn is { } restructured && restructured >= paidOn)
        {
            return LoanResult<LoanPosting>.Refused(ServicingError.Invalid("payment.date.before_restructure", "paidOn", $"the loan was restructured on {restructured:yyyy-MM-dd}; a payment cannot be dated before that",
                new Dictionary<string, string> { ["restructured"] = restructured.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        }

        var entries = new List<JournalEntry>();
        var paid = PostBefore(index, paidOn, "a backdated payment", again => PayCore(id, amount, paidOn, surplus, mode, again), entries);
        return LoanResult<LoanPosting>.Ok(paid, entries);
    }

    /// <summary>
    /// Posts money dated <paramref name="paidOn"/> (by <paramref name="post"/>) before the postings from
    /// <paramref name="index"/> on and the days closed since: those postings are taken off, the late charges are put
    /// back to the close of the day before, the money is posted, and the postings and closes follow again in date order.
    /// </summary>
    private T PostBefore<T>(int index, DateOnly paidOn, string after, Func<List<JournalEntry>, T> post, List<JournalEntry> entries)
    {
        var replayThrough = ReplaysClosedDays(paidOn);
        var chargedBefore = installments.ToList();
        var inForce = postings.ToList();
        var affected = index < 0 ? [] : postings.Skip(index).ToList();
        var restatedOn = affected.Count > 0 ? affected.Max(p => p.PaidOn) : paidOn;
        postings.RemoveRange(postings.Count - affected.Count, affected.Count);
        foreach (var posting in Enumerable.Reverse(affected))
        {
            Undo(posting);
        }

        if (affected.Count > 0)
        {
            TrueUpRecognition(restatedOn, entries);
        }

        var waivers = replayThrough is not null ? RewindLateCharges(paidOn, inForce) : null;
        var posted = post(entries);
        Action<DateOnly, List<JournalEntry>>? closeAgain = replayThrough is { } through ? (upTo, again) => CloseAgain(upTo < through ? upTo : through, waivers!, again) : null;
        ApplyAgain(affected, restatedOn, after, entries, closeAgain);
        if (replayThrough is { } closed)
        {
            ClosedThrough = closed;
            CorrectLateCharges(chargedBefore, closed, entries);
        }

        CloseIfSettled(restatedOn, entries);
        return posted;
    }

    /// <summary>
    /// Applies <paramref name="later"/> (postings just taken off) again in their order and posts one entry that moves
    /// what they now settle differently from what they settled before (their cash is the same).
    /// </summary>
    /// <remarks>
    /// With <paramref name="closeAgain"/>, the days closed are closed again in between, each after the postings of its
    /// date; credit is then applied by those closes and by the payments, as it first was, rather than by the postings
    /// that recorded it.
    /// </remarks>
    private void ApplyAgain(IReadOnlyList<LoanPosting> later, DateOnly on, string after, List<JournalEntry> entries, Action<DateOnly, List<JournalEntry>>? closeAgain = null)
    {
        var before = later.Select(EntryOf).ToList();
        var again = new List<JournalEntry>();
        foreach (var posting in later)
        {
            closeAgain?.Invoke(posting.PaidOn.AddDays(-1), again);
            if (posting.Kind == PostingKind.Payment)
            {
                PayCore(posting.Id, posting.Amount, posting.PaidOn, posting.Surplus, posting.Mode, again);
            }
            else if (closeAgain is null)
            {
                ApplyCredit(posting.PaidOn, again);
            }
        }

        closeAgain?.Invoke(DateOnly.MaxValue, again);
        if (before.Count == 0)
        {
            entries.AddRange(again);
            return;
        }

        var was = Combined(before);
        var now = Combined(again.Where(e => e.Kind is JournalEventKind.Payment or JournalEventKind.CreditApplied));
        var moved = (was, now) switch
        {
            ({ } b, { } a) => LoanPostings.Restatement(on, b, a, $"Later postings applied again after {after}"),
            ({ } b, null) => LoanPostings.Reversal(on, b, $"Later postings taken back after {after}"),
            (null, { } a) => a,
            _ => null,
        };
        if (moved is not null)
        {
            entries.Add(moved);
        }

        entries.AddRange(again.Where(e => e.Kind is not (JournalEventKind.Payment or JournalEventKind.CreditApplied)));
    }

    /// <summary>
    /// Credit owed back since the loan closed, paid out to the customer (<paramref name="payoutReference"/> names the
    /// confirmed payout): the refund payable falls by the amount, never below zero.
    /// </summary>
    public LoanResult<decimal> PayRefund(DateOnly on, decimal amount, string payoutReference)
    {
        if (amount <= 0m || Currency.Round(amount) != amount)
        {
            return LoanResult<decimal>.Refused(ServicingError.Invalid("refund.amount.invalid", "amount", $"must be a positive amount in whole {Currency.Code} minor units"));
        }

        if (amount > RefundPayable)
        {
            return LoanResult<decimal>.Refused(ServicingError.Conflict("refund.amount.exceeds_payable", $"only {RefundPayable} is owed back to the customer",
                new Dictionary<string, string> { ["refundPayable"] = RefundPayable.ToString(CultureInfo.InvariantCulture) }));
        }

        RefundPayable -= amount;
        return LoanResult<decimal>.Ok(RefundPayable, [RailPostings.RefundPaid(on, Money.Of(amount, Currency), payoutReference)]);
    }

    /// <summary>
    /// A refund paid out and then sent back by the customer's bank (a closed account, say): the amount is owed to the
    /// customer again, to be paid to another account (<paramref name="payoutReference"/> names the returned payout).
    /// </summary>
    public LoanResult<decimal> ReturnRefund(DateOnly on, decimal amount, string payoutReference)
    {
        if (amount <= 0m || Currency.Round(amount) != amount)
        {
            return LoanResult<decimal>.Refused(ServicingError.Invalid("refund.amount.invalid", "amount", $"must be a positive amount in whole {Currency.Code} minor units"));
        }

        RefundPayable += amount;
        return LoanResult<decimal>.Ok(RefundPayable, [RailPostings.RefundReturned(on, Money.Of(amount, Currency), payoutReference)]);
    }

    /// <summary>Writes off every receivable the loan still carries and marks it charged off (a manual write-off).</summary>
    public LoanResult<int> ChargeOff(DateOnly on, string description)
    {
        if (Status != LoanStatus.Active)
        {
            return NotActive<int>();
        }

        var entries = new List<JournalEntry>();
        WriteOff(on, description, entries);
        return LoanResult<int>.Ok(DaysPastDue, entries);
    }

    /// <summary>
    /// Late charges waived on <paramref name="on"/> (a concession a second person approved): up to
    /// <paramref name="amount"/> of the penalty interest and late fees still owed, all of them when no amount is given,
    /// oldest instalment first and its penalty before its late fee. What is waived is never charged again; an instalment
    /// still late keeps drawing penalty from the next close. Days past due come down at once when the oldest arrears
    /// owed only charges, and the loan closes when nothing else was owed.
    /// </summary>
    public LoanResult<ChargeWaiver> WaiveLateCharges(DateOnly on, decimal? amount, string description)
    {
        if (Status != LoanStatus.Active)
        {
            return NotActive<ChargeWaiver>();
        }

        var owed = installments.Sum(i => i.PenaltyOwed + i.LateFeeOwed);
        if (owed == 0m)
        {
            return LoanResult<ChargeWaiver>.Refused(ServicingError.Conflict("waiver.nothing-owed", "no late fees or penalty interest are owed on the loan"));
        }

        if (amount is { } asked && (asked <= 0m || Currency.Round(asked) != asked))
        {
            return LoanResult<ChargeWaiver>.Refused(ServicingError.Invalid("waiver.amount.invalid", "amount", $"must be a positive amount in whole {Currency.Code} minor units"));
        }

        if (amount > owed)
        {
            var charges = owed.ToString("0.00", CultureInfo.InvariantCulture);
            return LoanResult<ChargeWaiver>.Refused(ServicingError.Invalid("waiver.amount.exceeds-charges", "amount", $"must be at most the {Currency.Code} {charges} of late fees and penalty owed",
                new Dictionary<string, string> { ["charges"] = charges }));
        }

        var left = amount ?? owed;
        decimal penalty = 0m, fees = 0m;
        var parts = new List<WaivedCharge>();
        for (var i = 0; i < installments.Count && left > 0m; i++)
        {
            var row = installments[i];
            var fromPenalty = Math.Min(left, row.PenaltyOwed);
            var fromFee = Math.Min(left - fromPenalty, row.LateFeeOwed);
            if (fromPenalty + fromFee == 0m)
            {
                continue;
            }

            installments[i] = row with { WaivedPenalty = row.WaivedPenalty + fromPenalty, WaivedLateFee = row.WaivedLateFee + fromFee };
            parts.Add(new WaivedCharge(row.Number, fromPenalty, fromFee));
            penalty += fromPenalty;
            fees += fromFee;
            left -= fromPenalty + fromFee;
        }

        var entries = new List<JournalEntry> { LoanPostings.ChargesWaived(on, Currency, penalty, fees, description) };
        CureArrears();
        CloseIfSettled(on, entries);
        return LoanResult<ChargeWaiver>.Ok(new ChargeWaiver(penalty, fees, owed - penalty - fees, Status == LoanStatus.Closed, parts), entries);
    }

    /// <summary>
    /// A hardship plan granted on <paramref name="on"/>: the instalments after the last one fully paid are replaced by
    /// the plan's (built by the domain's hardship library from the booked schedule: <paramref name="count"/> is the
    /// instalments a holiday skips or the months of an extension or re-amortisation), interest already recognised on
    /// them is brought to what the plan capitalises, and the capitalised part moves to principal. One plan per loan,
    /// never after a prepayment, never with late charges outstanding on what it re-plans, and only a re-amortisation
    /// takes a part-paid instalment into account. With <paramref name="longestTermMonths"/>, the plan may not take the
    /// loan's last due date further than that many months from its start: the product's longest term for the car counts
    /// extensions and plans too.
    /// </summary>
    public LoanResult<HardshipAdjustment> GrantHardship(HardshipKind kind, int count, DateOnly on, string description, int? longestTermMonths = null)
    {
        if (Status != LoanStatus.Active)
        {
            return NotActive<HardshipAdjustment>();
        }

        if (HardshipRefusal(kind) is { } refusal)
        {
            return LoanResult<HardshipAdjustment>.Refused(refusal);
        }

        var paid = installments.TakeWhile(i => i.IsPaid).Count();
        var replaced = installments.Skip(paid).ToList();
        var principalPaidSince = replaced.Sum(r => r.PaidPrincipal);
        var interestPaidSince = replaced.Sum(r => r.PaidInterest);

        var booked = ScheduleBuilder.Build(Terms);
        var result = kind switch
        {
            HardshipKind.PaymentHoliday => PaymentHoliday.Apply(booked, paid, count),
            HardshipKind.TermExtension => TermExtension.Apply(booked, paid, count),
            _ => Reamortisation.Apply(booked, paid, on, count, principalPaidSince, interestPaidSince),
        };
        if (!result.IsValid)
        {
            var error = result.Errors[0];
            return LoanResult<HardshipAdjustment>.Refused(ServicingError.Invalid("hardship." + error.Field + ".invalid", error.Field, error.Message));
        }

        var adjustment = result.Adjustment!;
        if (longestTermMonths is { } longest && Terms.StartDate.AddMonths(longest) is var latest && adjustment.NewMaturity > latest)
        {
            return LoanResult<HardshipAdjustment>.Refused(LongerThanAllowed(kind, longest, latest, adjustment.NewMaturity));
        }

        var entries = new List<JournalEntry>();
        var recognised = replaced.Sum(r => r.AccruedInterest - r.PaidInterest);
        var capitalised = adjustment.CapitalisedInterest;
        if (capitalised > recognised)
        {
            entries.Add(LoanPostings.InterestAccrual(on, Money.Of(capitalised - recognised, Currency), $"Interest to be capitalised by the {description}"));
        }
        else if (recognised > capitalised)
        {
            entries.Add(LoanPostings.InterestReversal(on, Money.Of(recognised - capitalised, Currency), $"Accrued interest re-planned by the {description}"));
        }

        if (capitalised > 0m)
        {
            entries.Add(LoanPostings.Capitalisation(on, Money.Of(capitalised, Currency), $"Interest capitalised by the {description}"));
        }

        installments.RemoveRange(paid, replaced.Count);
        installments.AddRange(adjustment.SkippedInstallments.Select(s => new InstallmentState
        {
            Number = s.Number,
            DueDate = s.DueDate,
            Balance = adjustment.NewPrincipal,
            FallenDue = true,
        }));
        installments.AddRange(result.Schedule!.Installments.Select(InstallmentState.From));
        RestructuredOn = on;
        return LoanResult<HardshipAdjustment>.Ok(adjustment, entries);
    }

    /// <summary>
    /// Why a plan of the kind cannot be granted on this loan as it stands, or null: one plan per loan, never after a
    /// prepayment, never with late charges outstanding on what it re-plans, and only a re-amortisation takes a part-paid
    /// instalment into account. Asked before a customer's request is taken, so they are told at once.
    /// </summary>
    public ServicingError? HardshipRefusal(HardshipKind kind)
    {
        if (RestructuredOn is not null || postings.Any(p => p.Prepaid > 0m))
        {
            return ServicingError.Conflict("hardship.loan.replanned", "the schedule was already re-planned (a prepayment or an earlier plan); one plan per loan is supported");
        }

        var replaced = installments.SkipWhile(i => i.IsPaid).ToList();
        if (replaced.Count == 0 || replaced.Any(r => r.LateFeeOwed != 0m || r.PenaltyOwed != 0m || r.Fee != r.PaidFee || r.PaidFee != 0m))
        {
            return ServicingError.Conflict("hardship.loan.charges_outstanding", "late fees, penalty or fees are outstanding on the instalments to re-plan; settle or waive them first");
        }

        return kind != HardshipKind.Reamortisation && replaced.Sum(r => r.PaidPrincipal + r.PaidInterest) > 0m
            ? ServicingError.Conflict("hardship.installment.part_paid", "part of the next instalment is paid; a re-amortisation takes that into account, a holiday or extension does not")
            : null;
    }

    /// <summary>A plan that would run the loan past the longest term its product allows, naming the field that sets its length.</summary>
    private static ServicingError LongerThanAllowed(HardshipKind kind, int longest, DateOnly latest, DateOnly maturity) => ServicingError.Invalid(
        "hardship.term.longest",
        kind == HardshipKind.PaymentHoliday ? "installments" : "months",
        $"the plan would run the loan to {maturity:yyyy-MM-dd}; its product lets a loan run at most {longest} months from its start, plans included, so to {latest:yyyy-MM-dd}",
        new Dictionary<string, string>
        {
            ["limit"] = longest.ToString(CultureInfo.InvariantCulture),
            ["latest"] = latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["maturity"] = maturity.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

    /// <summary>
    /// A new annual rate from <paramref name="effectiveOn"/>, the loan's start or one of its due dates: the instalments
    /// after that date are re-amortised at the new rate on the principal they carry, over the same due dates (the
    /// maturity stays), so interest accrues at the new rate from that date on. Nothing already posted changes: the
    /// instalments up to that date keep their plan and what was paid and charged on them. When days after the date are
    /// already closed, the interest recognised on them at the old rate is brought to the new (an accrual or a reversal).
    /// Refused for a flat-fee loan (its price is a fee, not a rate), for the rate in force, and when an instalment after
    /// the date has fallen due or been paid in part. It is a re-plan: payments made before it can no longer be reversed.
    /// </summary>
    public LoanResult<RateChange> ChangeRate(decimal annualRate, DateOnly effectiveOn, DateOnly on, string description)
    {
        if (Status != LoanStatus.Active)
        {
            return NotActive<RateChange>();
        }

        if (Terms.Method == RepaymentMethod.FlatFee)
        {
            return LoanResult<RateChange>.Refused(ServicingError.Conflict("rate.loan.flat_fee", "a flat-fee loan is priced by its fee, not a rate"));
        }

        if (annualRate < 0m || annualRate > 1m || annualRate.Scale > 12)
        {
            return LoanResult<RateChange>.Refused(ServicingError.Invalid("rate.annualRate.invalid", "annualRate", "must be between 0 and 1 (100%) with at most 10 decimal places as a percentage"));
        }

        if (annualRate == Terms.AnnualRate)
        {
            return LoanResult<RateChange>.Refused(ServicingError.Invalid("rate.annualRate.unchanged", "annualRate", "is the rate already in force"));
        }

        var kept = effectiveOn == Terms.StartDate ? 0 : installments.FindIndex(i => i.DueDate == effectiveOn) + 1;
        if (kept == 0 && effectiveOn != Terms.StartDate)
        {
            return LoanResult<RateChange>.Refused(ServicingError.Invalid("rate.effectiveOn.not_due_date", "effectiveOn", "must be the loan's start or one of its due dates"));
        }

        var replaced = installments.Skip(kept).ToList();
        if (replaced.Count == 0 || replaced.Any(r => r.FallenDue || r.PaidPrincipal + r.PaidInterest + r.PaidFee + r.LateFee + r.Penalty != 0m))
        {
            return LoanResult<RateChange>.Refused(ServicingError.Conflict("rate.effectiveOn.fallen_due", "an instalment after that date has fallen due or been paid; a new rate applies from a due date whose later instalments are all still to come",
                new Dictionary<string, string> { ["effectiveOn"] = effectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        }

        var principal = replaced.Sum(r => r.Principal);
        var level = replaced[0].Payment - replaced[0].Fee;
        var current = new RepaymentSchedule(Terms with { NumberOffset = installments[0].Number - 1 }, [.. installments.Select(i => i.Plan)], level);
        var newTerms = RemainderTerms.For(current, kept, principal, effectiveOn, replaced[0].DueDate, replaced.Count, replaced[0].Number - 1) with { AnnualRate = annualRate };
        if (LoanTermsValidator.Validate(newTerms) is { Count: > 0 } errors)
        {
            return LoanResult<RateChange>.Refused(ServicingError.Invalid("rate." + errors[0].Field + ".invalid", errors[0].Field, errors[0].Message));
        }

        var rebuilt = ScheduleBuilder.Build(newTerms);
        var recognised = replaced.Sum(r => r.AccruedInterest);
        var previousRate = Terms.AnnualRate;
        installments.RemoveRange(kept, replaced.Count);
        installments.AddRange(rebuilt.Installments.Select(InstallmentState.From));
        Terms = Terms with { AnnualRate = annualRate };

        // Days already closed after the date were recognised at the old rate; the running instalment now says what they earn.
        var entries = new List<JournalEntry>();
        var running = installments.FindIndex(kept, i => ClosedThrough is { } through && i.DueDate > through);
        var target = running >= 0 && ClosedThrough is { } closed && closed > effectiveOn ? Period(running).AccruedThrough(closed, Terms.DayCount) : 0m;
        if (target > 0m)
        {
            installments[running] = installments[running] with { AccruedInterest = target };
        }

        if (target > recognised)
        {
            entries.Add(LoanPostings.InterestAccrual(on, Money.Of(target - recognised, Currency), $"Interest recognised at the new rate of the {description}"));
        }
        else if (recognised > target)
        {
            entries.Add(LoanPostings.InterestReversal(on, Money.Of(recognised - target, Currency), $"Interest at the old rate taken back by the {description}"));
        }

        RestructuredOn = RestructuredOn is { } earlier && earlier > on ? earlier : on;
        return LoanResult<RateChange>.Ok(
            new RateChange(previousRate, annualRate, effectiveOn, principal, replaced[0].Payment, rebuilt.Installments[0].Payment, rebuilt.Last.DueDate, rebuilt.Count),
            entries);
    }

    private LoanPosting PayCore(Guid id, decimal amount, DateOnly paidOn, SurplusChoice surplus, ReamortisationMode mode, List<JournalEntry> entries)
    {
        FallDue(paidOn, entries);
        var allocation = PaymentAllocator.Allocate(Owing(paidOn), Money.Of(amount, Currency), Servicing.Allocation);
        Apply(allocation.Installments);
        var (prepaid, fee, before) = surplus == SurplusChoice.Prepay ? Prepay(allocation.Overpayment, paidOn, mode) : (0m, 0m, null);
        var held = allocation.Overpayment - prepaid - fee;
        HeldCredit += held;
        entries.Add(LoanPostings.Payment(paidOn, allocation, prepaid, fee, $"Payment of {amount} received"));
        var posting = new LoanPosting
        {
            Id = id,
            Kind = PostingKind.Payment,
            Amount = amount,
            PaidOn = paidOn,
            Surplus = surplus,
            Mode = mode,
            Parts = [.. allocation.Installments.Where(p => p.Total > 0m)],
            Prepaid = prepaid,
            PrepaymentFee = fee,
            Held = held,
            ScheduleBefore = before,
        };
        postings.Add(posting);
        CureArrears();
        CloseIfSettled(paidOn, entries);
        return posting;
    }

    /// <summary>
    /// A payment that clears the oldest arrears brings the days past due down at once, to the oldest instalment still
    /// unpaid as at the last close (none: current), rather than leaving the loan in its late bucket, on the collectors'
    /// worklist, until the next close. A payment never raises them; only a close counts a new day late.
    /// </summary>
    private void CureArrears()
    {
        if (DaysPastDue > 0 && ClosedThrough is { } closed)
        {
            DaysPastDue = Math.Min(DaysPastDue, global::AutoFinance.Domain.Servicing.DaysPastDue.OfOldestUnpaid(Owing(closed), closed));
        }
    }

    /// <summary>Instalments due by <paramref name="upTo"/> fall due (the rest of their interest and their fee recognised), then held credit is applied.</summary>
    private void FallDue(DateOnly upTo, List<JournalEntry> entries)
    {
        for (var i = 0; i < installments.Count; i++)
        {
            var row = installments[i];
            if (row.DueDate > upTo || row.FallenDue)
            {
                continue;
            }

            if (row.Interest > row.AccruedInterest)
            {
                entries.Add(LoanPostings.InterestAccrual(row.DueDate, Money.Of(row.Interest - row.AccruedInterest, Currency), $"Interest of instalment {row.Number} due"));
            }

            if (row.Fee > 0m)
            {
                entries.Add(LoanPostings.FeeDue(row.DueDate, Money.Of(row.Fee, Currency), $"Fee of instalment {row.Number} due"));
            }

            installments[i] = row with { FallenDue = true, AccruedInterest = row.Interest };
        }

        ApplyCredit(upTo, entries);
    }

    /// <summary>Recognises the running period's interest to the end of <paramref name="on"/> (what a missed day left is caught up).</summary>
    private void Accrue(DateOnly on, List<JournalEntry> entries)
    {
        var index = installments.FindIndex(i => i.DueDate > on && !i.FallenDue);
        if (index < 0)
        {
            return;
        }

        var row = installments[index];
        var target = Period(index).AccruedThrough(on, Terms.DayCount);
        if (target > row.AccruedInterest)
        {
            entries.Add(LoanPostings.InterestAccrual(on, Money.Of(target - row.AccruedInterest, Currency), $"Interest of instalment {row.Number} accrued to {on:yyyy-MM-dd}"));
            installments[index] = row with { AccruedInterest = target };
        }
    }

    /// <summary>
    /// After a re-plan is undone: each instalment's recognised interest brought to what its plan says for the days
    /// closed (all of it once fallen due, the running period's share, nothing for later periods).
    /// </summary>
    private void TrueUpRecognition(DateOnly on, List<JournalEntry> entries)
    {
        for (var i = 0; i < installments.Count; i++)
        {
            var row = installments[i];
            var target = row.FallenDue ? row.Interest : ClosedThrough is { } through ? Period(i).AccruedThrough(through, Terms.DayCount) : 0m;
            if (target > row.AccruedInterest)
            {
                entries.Add(LoanPostings.InterestAccrual(on, Money.Of(target - row.AccruedInterest, Currency), $"Interest of instalment {row.Number} recognised as re-planned"));
            }
            else if (target < row.AccruedInterest)
            {
                entries.Add(LoanPostings.InterestReversal(on, Money.Of(row.AccruedInterest - target, Currency), $"Interest of instalment {row.Number} taken back as re-planned"));
            }

            installments[i] = row with { AccruedInterest = target };
        }
    }

    private AccrualPeriod Period(int index)
    {
        var row = installments[index];
        var start = index == 0 ? Terms.StartDate : installments[index - 1].DueDate;
        return new AccrualPeriod(row.Number, start < row.DueDate ? start : row.DueDate, row.DueDate, row.Interest, Currency);
    }

    /// <summary>Held credit applied to what is due by <paramref name="on"/>, by the product's waterfall.</summary>
    private void ApplyCredit(DateOnly on, List<JournalEntry> entries)
    {
        if (HeldCredit <= 0m || Status != LoanStatus.Active)
        {
            return;
        }

        var owing = Owing(on);
        if (owing.Count == 0)
        {
            return;
        }

        var allocation = PaymentAllocator.Allocate(owing, Money.Of(HeldCredit, Currency), Servicing.Allocation);
        if (allocation.Allocated == 0m)
        {
            return;
        }

        Apply(allocation.Installments);
        HeldCredit -= allocation.Allocated;
        entries.Add(LoanPostings.CreditApplied(on, allocation));
        postings.Add(new LoanPosting
        {
            Id = newId(),
            Kind = PostingKind.CreditApplied,
            Amount = allocation.Allocated,
            PaidOn = on,
            Parts = [.. allocation.Installments.Where(p => p.Total > 0m)],
        });
        CloseIfSettled(on, entries);
    }

    /// <summary>Late fee and penalty interest on each instalment past due, by the product's terms.</summary>
    private void ChargeLateness(DateOnly businessDate, List<JournalEntry> entries)
    {
        var policy = LatePolicy();
        var previous = ClosedThrough ?? Terms.StartDate;
        for (var i = 0; i < installments.Count; i++)
        {
            var row = installments[i];
            if (row.DueDate >= businessDate || row.IsPaid)
            {
                continue;
            }

            var from = previous > row.DueDate ? previous : row.DueDate;
            var state = new LateChargeState(row.Number, row.DueDate, from, row.PenaltyExact, row.Penalty, row.LateFee > 0m);
            var charged = LateChargeCalculator.Accrue(state, row.Owing, businessDate, policy);
            if (charged.Fee > 0m)
            {
                entries.Add(LoanPostings.FeeDue(businessDate, Money.Of(charged.Fee, Currency), $"Late fee on instalment {row.Number}"));
            }

            if (charged.Penalty > 0m)
            {
                entries.Add(LoanPostings.PenaltyAccrual(businessDate, Money.Of(charged.Penalty, Currency), $"Penalty interest on instalment {row.Number}"));
            }

            installments[i] = row with
            {
                LateFee = row.LateFee + charged.Fee,
                Penalty = charged.State.PenaltyPosted,
                PenaltyExact = charged.State.PenaltyAccrued,
            };
        }
    }

    /// <summary>
    /// Everything the loan owes on <paramref name="on"/> made due: instalments by then fall due (credit applied), the
    /// running period's interest is recognised to the date and later periods' taken back, unbilled fees are waived
    /// unless the product keeps them, and the prepayment fee is charged on the running instalment.
    /// </summary>
    private PayoffStatement Settle(DateOnly on, List<JournalEntry> entries)
    {
        FallDue(on, entries);
        var dueUnpaid = Owing(on).Sum(d => d.Total);
        var credit = HeldCredit;
        var principalNotDue = installments.Where(i => i.DueDate > on).Sum(i => i.Principal - i.PaidPrincipal);
        var running = installments.FindIndex(i => i.DueDate > on);
        var interestFrom = running <= 0 ? Terms.StartDate : installments[running - 1].DueDate;
        decimal accrued = 0m, fees = 0m;
        if (running >= 0)
        {
            var prepaymentFee = PayoffCalculator.PrepaymentFee(Terms, Servicing.Prepayment, principalNotDue, on);
            for (var i = running; i < installments.Count; i++)
            {
                var row = installments[i];
                var target = Math.Max(i == running ? Period(i).AccruedThrough(on, Terms.DayCount) : 0m, row.PaidInterest);
                if (target > row.AccruedInterest)
                {
                    entries.Add(LoanPostings.InterestAccrual(on, Money.Of(target - row.AccruedInterest, Currency), $"Interest accrued to the payoff on {on:yyyy-MM-dd}"));
                }
                else if (target < row.AccruedInterest)
                {
                    entries.Add(LoanPostings.InterestReversal(on, Money.Of(row.AccruedInterest - target, Currency), $"Interest after the payoff on {on:yyyy-MM-dd} taken back"));
                }

                var keptFee = Servicing.Prepayment.UnearnedFlatFeeDue ? row.Fee : row.PaidFee;
                var fee = keptFee + (i == running ? prepaymentFee : 0m);
                // An instalment a close after the date made due (a payoff dated on a day already closed) has its fee recognised.
                var recognisedFee = row.FallenDue ? row.Fee : row.PaidFee;
                if (fee > recognisedFee)
                {
                    entries.Add(LoanPostings.FeeDue(on, Money.Of(fee - recognisedFee, Currency), i == running && prepaymentFee > 0m ? "Prepayment fee and fees kept at payoff" : "Fee kept at payoff"));
                }
                else if (fee < recognisedFee)
                {
                    entries.Add(LoanPostings.FeeReversal(on, Money.Of(recognisedFee - fee, Currency), $"Fee of instalment {row.Number} after the payoff on {on:yyyy-MM-dd} taken back"));
                }

                accrued += target - row.PaidInterest;
                fees += fee - row.PaidFee;
                installments[i] = row with
                {
                    Interest = target,
                    AccruedInterest = target,
                    Fee = fee,
                    Payment = row.Principal + target + fee,
                    FallenDue = true,
                };
            }
        }

        var owing = installments.Where(i => !i.IsPaid).Select(i => i.Owing).ToList();
        var principal = owing.Sum(d => d.Principal);
        var interest = owing.Sum(d => d.Interest);
        var charges = owing.Sum(d => d.Fee + d.PenaltyInterest);
        var owed = principal + interest + charges;
        return new PayoffStatement(on, principal, interest, charges, dueUnpaid, principalNotDue, accrued, credit, Math.Max(0m, owed - credit), interestFrom, fees);
    }

    /// <summary>
    /// Prepays up to <paramref name="surplus"/> (its fee included) by <see cref="PartialPrepayment"/>: the instalments
    /// after the next one not yet due are re-amortised on the principal they carry less the prepayment. At least one
    /// minor unit of principal stays, so a prepayment never becomes a payoff; what cannot be prepaid stays as credit.
    /// </summary>
    private (decimal Prepaid, decimal Fee, IReadOnlyList<Installment>? Before) Prepay(decimal surplus, DateOnly on, ReamortisationMode mode)
    {
        var next = installments.FindIndex(i => i.DueDate > on);
        if (surplus <= 0m || next < 0 || installments.Count - next < 2)
        {
            return (0m, 0m, null);
        }

        var rest = installments.Skip(next + 1).ToList();
        if (rest.Any(i => i.FallenDue || i.AccruedInterest != 0m || i.LateFee != 0m || i.PaidPrincipal != 0m || i.PaidInterest != 0m || i.PaidFee != 0m))
        {
            return (0m, 0m, null);
        }

        // The level the re-amortised instalments keep under keep-payment: theirs, not the next one's (which a plan may have zeroed).
        var level = Terms.Method == RepaymentMethod.EqualPrincipal ? rest[0].Principal : rest[0].Payment - rest[0].Fee;
        if (level <= 0m)
        {
            return (0m, 0m, null);
        }

        var schedule = new RepaymentSchedule(Terms with { NumberOffset = installments[0].Number - 1 }, [.. installments.Select(i => i.Plan)], level);
        var balance = installments[next].Balance;
        var amount = Math.Min(surplus, balance - Currency.MinorUnit);
        ReamortisationResult? result = null;
        for (var attempt = 0; attempt < 4 && amount > 0m; attempt++)
        {
            result = PartialPrepayment.Apply(schedule, next + 1, amount, mode, Servicing.Prepayment);
            if (result.Error is not null || amount + result.Fee <= surplus)
            {
                break;
            }

            amount = Currency.Round(Math.Max(0m, surplus - result.Fee - Currency.MinorUnit));
        }

        if (result?.Schedule is null || amount <= 0m || amount + result.Fee > surplus)
        {
            return (0m, 0m, null);
        }

        var before = rest.Select(i => i.Plan).ToList();
        installments[next] = installments[next] with { Balance = balance - amount };
        installments.RemoveRange(next + 1, rest.Count);
        installments.AddRange(result.Schedule.Installments.Select(InstallmentState.From));
        return (amount, result.Fee, before);
    }

    private void Undo(LoanPosting posting)
    {
        if (posting.ScheduleBefore is { } before)
        {
            // The plan goes back; what happened to the rows since (fallen due, accrued, charged) stays with them.
            var numbers = before.Select(i => i.Number).ToHashSet();
            installments.RemoveAll(i => i.Number >= numbers.Min() && !numbers.Contains(i.Number));
            foreach (var plan in before)
            {
                var index = installments.FindIndex(i => i.Number == plan.Number);
                if (index >= 0)
                {
                    installments[index] = installments[index].Replan(plan);
                }
                else
                {
                    installments.Add(InstallmentState.From(plan));
                }
            }

            installments.Sort((x, y) => x.Number.CompareTo(y.Number));
            var next = installments.FindIndex(i => i.Number == numbers.Min() - 1);
            if (next >= 0)
            {
                installments[next] = installments[next] with { Balance = installments[next].Balance + posting.Prepaid };
            }
        }

        foreach (var part in posting.Parts)
        {
            var index = installments.FindIndex(i => i.Number == part.Number);
            installments[index] = installments[index].Remove(part);
        }

        HeldCredit += posting.Kind == PostingKind.CreditApplied ? posting.Amount : -posting.Held;
    }

    private void Apply(IEnumerable<InstallmentAllocation> parts)
    {
        foreach (var part in parts)
        {
            if (part.Total == 0m)
            {
                continue;
            }

            var index = installments.FindIndex(i => i.Number == part.Number);
            installments[index] = installments[index].Add(part);
        }
    }

    /// <summary>The entry a posting made, from what it settled.</summary>
    private JournalEntry EntryOf(LoanPosting posting)
    {
        var allocation = new Allocation(Money.Of(posting.Kind == PostingKind.CreditApplied ? posting.Allocated : posting.Amount + posting.CreditUsed, Currency), [.. posting.Parts], posting.Prepaid + posting.PrepaymentFee + posting.Held);
        return posting.Kind switch
        {
            PostingKind.CreditApplied => LoanPostings.CreditApplied(posting.PaidOn, allocation),
            PostingKind.Payoff => LoanPostings.Payoff(posting.PaidOn, allocation, posting.CreditUsed),
            _ => LoanPostings.Payment(posting.PaidOn, allocation, posting.Prepaid, posting.PrepaymentFee, $"Payment of {posting.Amount} received"),
        };
    }

    private JournalEntry? Combined(IEnumerable<JournalEntry> entries)
    {
        var list = entries.ToList();
        return list.Count == 0
            ? null
            : JournalEntry.Create(list[0].BusinessDate, list[0].Kind, "Postings combined", Currency, list.SelectMany(e => e.Lines));
    }

    /// <summary>Closes the loan when nothing is left to pay; credit still held becomes refund payable.</summary>
    private void CloseIfSettled(DateOnly on, List<JournalEntry> entries)
    {
        if (Status == LoanStatus.Active && installments.All(i => i.IsPaid))
        {
            Status = LoanStatus.Closed;
            ClosedOn = on;
            DaysPastDue = 0;
        }

        // Credit held on a closed loan (also what a posting applied again after it closed leaves) is owed back.
        if (Status == LoanStatus.Closed && HeldCredit > 0m)
        {
            entries.Add(LoanPostings.Refund(on, Money.Of(HeldCredit, Currency)));
            RefundPayable += HeldCredit;
            HeldCredit = 0m;
        }
    }

    private void WriteOff(DateOnly on, string description, List<JournalEntry> entries)
    {
        var amounts = new WriteOffAmounts(
            installments.Sum(i => i.Principal - i.PaidPrincipal),
            installments.Sum(i => i.AccruedInterest - i.PaidInterest),
            installments.Where(i => i.FallenDue).Sum(i => i.Fee - i.PaidFee) + installments.Sum(i => i.LateFeeOwed),
            installments.Sum(i => i.PenaltyOwed));
        Status = LoanStatus.ChargedOff;
        ChargedOffOn = on;
        if (amounts.Total > 0m)
        {
            entries.Add(LoanPostings.WriteOff(on, Currency, amounts, description));
        }
    }

    private LoanResult<T> NotActive<T>() => LoanResult<T>.Refused(ServicingError.NotActive(Status));
}
