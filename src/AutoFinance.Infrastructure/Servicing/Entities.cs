namespace AutoFinance.Infrastructure.Servicing;

/// <summary>A booked loan: the accepted offer's terms, turned into a schedule and opening ledger entries.</summary>
public sealed class LoanRow
{
    public Guid Id { get; set; }

    public required string Reference { get; set; }

    public Guid ContractId { get; set; }

    public Guid ApplicationId { get; set; }

    public Guid CustomerId { get; set; }

    public Guid? DealerId { get; set; }

    public decimal Principal { get; set; }

    public decimal AnnualRate { get; set; }

    public int TermMonths { get; set; }

    public required string Method { get; set; }

    public decimal BalloonFraction { get; set; }

    public DateOnly StartDate { get; set; }

    public required string Currency { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset BookedAt { get; set; }

    /// <summary>Days past due of the oldest unpaid instalment at the last close of business.</summary>
    public int DaysPastDue { get; set; }

    public string Bucket { get; set; } = "Current";

    /// <summary>The last business date end-of-day finished for this loan; a rerun of that date skips it.</summary>
    public DateOnly? LastCloseDate { get; set; }

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

    /// <summary>Whether the instalment's interest has been posted to interest receivable (it is when it falls due).</summary>
    public bool InterestAccrued { get; set; }

    public bool IsPaid => PaidPrincipal == Principal && PaidInterest == Interest && PaidFee == Fee;
}

/// <summary>A payment received on a loan, with how it was allocated; the key makes a retry harmless.</summary>
public sealed class PaymentRow
{
    public Guid Id { get; set; }

    public Guid LoanId { get; set; }

    public string? IdempotencyKey { get; set; }

    public decimal Amount { get; set; }

    public DateOnly PaidOn { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required string Actor { get; set; }

    public required string ResponseJson { get; set; }
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

    public List<JournalLineRow> Lines { get; set; } = [];
}

public sealed class JournalLineRow
{
    public long Id { get; set; }

    public Guid EntryId { get; set; }

    public required string Account { get; set; }

    public required string Side { get; set; }

    public decimal Amount { get; set; }
}
