using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>A booked loan: the accepted offer's terms, turned into a schedule and opening ledger entries.</summary>
public sealed class LoanRow
{
    public Guid Id { get; set; }

    public required string Reference { get; set; }

    public Guid ContractId { get; set; }

    public Guid ApplicationId { get; set; }

    /// <summary>The version of the product the loan was made under: its servicing terms are that version's.</summary>
    public int ProductVersion { get; set; } = 1;

    public Guid CustomerId { get; set; }

    public Guid? DealerId { get; set; }

    public decimal Principal { get; set; }

    public decimal AnnualRate { get; set; }

    public int TermMonths { get; set; }

    public required string Method { get; set; }

    public decimal BalloonFraction { get; set; }

    public DateOnly StartDate { get; set; }

    public required string Currency { get; set; }

    public LoanStatus Status { get; set; }

    public DateTimeOffset BookedAt { get; set; }

    /// <summary>Days past due of the oldest unpaid instalment at the last close of business.</summary>
    public int DaysPastDue { get; set; }

    public string Bucket { get; set; } = "Current";

    /// <summary>The last business date end-of-day finished for this loan; a rerun of that date skips it.</summary>
    public DateOnly? LastCloseDate { get; set; }

    /// <summary>
    /// The instalment whose interest recognised so far the daily close keeps here, in <see cref="RunningAccruedInterest"/>,
    /// rather than on the instalment's row: the close writes the loan's row every day anyway, and writing the
    /// instalment's too was a second page to write and log a day for every loan. Null when the instalment rows hold
    /// it all, as the aggregate saves them (<see cref="LoanMapping.Running"/> reads either).
    /// </summary>
    public int? RunningInstallment { get; set; }

    /// <summary>Interest recognised so far on <see cref="RunningInstallment"/>.</summary>
    public decimal RunningAccruedInterest { get; set; }

    /// <summary>
    /// When <see cref="RunningInstallment"/>'s period began (the instalment before it fell due, or the loan started), as
    /// the daily close last read it from the instalment rows; with <see cref="RunningDueDate"/> and
    /// <see cref="RunningScheduledInterest"/> it is all a quiet loan's accrual reads, so a quiet day reads no instalment.
    /// Null when not kept; the aggregate clears it whenever it saves the instalments (<see cref="RunningPeriod"/>).
    /// </summary>
    public DateOnly? RunningPeriodStart { get; set; }

    /// <summary>The due date of <see cref="RunningInstallment"/>, kept with <see cref="RunningPeriodStart"/>.</summary>
    public DateOnly? RunningDueDate { get; set; }

    /// <summary>The interest scheduled on <see cref="RunningInstallment"/>, kept with <see cref="RunningPeriodStart"/>.</summary>
    public decimal RunningScheduledInterest { get; set; }

    /// <summary>The end-of-day partition this loan belongs to (fixed at booking), so workers can share a date.</summary>
    public int Partition { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateOnly? ChargedOffOn { get; set; }

    /// <summary>Put on the watch list by an early-warning trigger at the last close of business.</summary>
    public bool OnWatchList { get; set; }

    public int? WarningScore { get; set; }

    public string? WarningReasons { get; set; }

    /// <summary>Outstanding principal over the vehicle's estimated value at the last close of business.</summary>
    public decimal? LoanToValue { get; set; }

    /// <summary>The collector the account is assigned to, while it is in collections.</summary>
    public string? Collector { get; set; }

    public long Version { get; set; }
}

/// <summary>One instalment of a loan's schedule as booked.</summary>
public sealed class InstallmentRow
{
    public long Id { get; set; }

    public Guid LoanId { get; set; }

    public int Number { get; set; }

    public DateOnly DueDate { get; set; }

    public decimal Payment { get; set; }

    public decimal Principal { get; set; }

    public decimal Interest { get; set; }

    public decimal Fee { get; set; }

    public decimal Balance { get; set; }

    public decimal PaidPrincipal { get; set; }

    public decimal PaidInterest { get; set; }

    public decimal PaidFee { get; set; }

    /// <summary>Whether the instalment has fallen due: its whole interest and its scheduled fee are receivable.</summary>
    public bool InterestAccrued { get; set; }

    /// <summary>Interest recognised so far: accrued day by day over its period, all of it once it falls due.</summary>
    public decimal AccruedInterest { get; set; }

    /// <summary>The late fee charged once the grace days after the due date passed unpaid.</summary>
    public decimal LateFee { get; set; }

    public decimal PaidLateFee { get; set; }

    /// <summary>Penalty interest posted so far (whole minor units).</summary>
    public decimal Penalty { get; set; }

    /// <summary>Penalty interest accrued so far before rounding; each day posts round(this) minus what was posted.</summary>
    public decimal PenaltyExact { get; set; }

    public decimal PaidPenalty { get; set; }

    /// <summary>Late fee waived on approval: no longer owed, never charged again.</summary>
    public decimal WaivedLateFee { get; set; }

    /// <summary>Penalty interest waived on approval: no longer owed.</summary>
    public decimal WaivedPenalty { get; set; }

    public bool IsPaid => PaidPrincipal == Principal && PaidInterest == Interest && PaidFee == Fee && PaidLateFee + WaivedLateFee == LateFee && PaidPenalty + WaivedPenalty == Penalty;
}

/// <summary>A payment received on a loan, with how it was allocated; the key makes a retry harmless.</summary>
public sealed class PaymentRow
{
    public Guid Id { get; set; }

    public Guid LoanId { get; set; }

    public string? IdempotencyKey { get; set; }

    /// <summary>A hash of the caller, endpoint and body the key was first used with; the key answers only that request.</summary>
    public string? RequestHash { get; set; }

    public decimal Amount { get; set; }

    public DateOnly PaidOn { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required string Actor { get; set; }

    public required string ResponseJson { get; set; }

    public PostingStatus Status { get; set; } = PostingStatus.Posted;

    /// <summary>Where the money came from: cash, bank-transfer, card-terminal, cheque (staff), provider, bank-statement, direct-debit.</summary>
    public string? Channel { get; set; }

    /// <summary>The receipt, slip, statement entry or provider transaction that proves the money arrived.</summary>
    public string? ReceiptReference { get; set; }

    /// <summary>
    /// What the customer chose for any surplus: hold (as overpayment) or prepay (principal, re-amortised); payoff for
    /// the payment that closed the loan; credit for held credit applied to what fell due.
    /// </summary>
    public string Surplus { get; set; } = "hold";

    /// <summary>How the payment was split over instalments and components, so a reversal can undo exactly that.</summary>
    public string AllocationJson { get; set; } = "[]";

    public decimal Overpayment { get; set; }

    public decimal Prepaid { get; set; }

    /// <summary>The not-yet-due instalments as they were before a prepayment re-amortised them (restored on reversal).</summary>
    public string? ScheduleBeforeJson { get; set; }

    public DateTimeOffset? ReversedAt { get; set; }

    public string? ReversalReason { get; set; }

    public long Version { get; set; }
}

/// <summary>A balanced journal entry of a loan; its lines are in <see cref="JournalLineRow"/>.</summary>
public sealed class JournalEntryRow
{
    public Guid Id { get; set; }

    public Guid LoanId { get; set; }

    public DateOnly BusinessDate { get; set; }

    public required string Kind { get; set; }

    public required string Description { get; set; }

    public DateTimeOffset PostedAt { get; set; }

    /// <summary>The payment this entry posts or reverses, if any.</summary>
    public Guid? PaymentId { get; set; }

    public List<JournalLineRow> Lines { get; set; } = [];
}

public sealed class JournalLineRow
{
    public long Id { get; set; }

    public Guid EntryId { get; set; }

    /// <summary>The entry's loan, repeated on each line so a loan's balances on a few rare accounts are found by index without walking its entries.</summary>
    public Guid LoanId { get; set; }

    public required string Account { get; set; }

    public required string Side { get; set; }

    public decimal Amount { get; set; }
}
