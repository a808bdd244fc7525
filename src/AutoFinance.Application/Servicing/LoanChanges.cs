using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing;

namespace AutoFinance.Application.Servicing;

/// <summary>
/// What one use case changed on a loan, saved in one transaction with the loan's version checked: the aggregate's
/// state (<see cref="ServicedLoan.Aggregate"/>), its new postings, the journal entries the operation caused and the
/// audit event; with a payment made under an Idempotency-Key, the key, the request hash and the answer.
/// </summary>
public sealed record LoanChanges(ServicedLoan Loan, IReadOnlyList<JournalEntry> Entries, LoanAudit Audit, DateTimeOffset At)
{
    /// <summary>Who new postings are recorded as made by.</summary>
    public required string PostedBy { get; init; }

    /// <summary>The answer to the posting the caller made, with its key (null when the operation posts no payment).</summary>
    public PostingReply? Reply { get; init; }

    /// <summary>Set when a payment was reversed: postings no longer in force are marked reversed and every entry names the payment.</summary>
    public ReversalRecord? Reversal { get; init; }

    /// <summary>A hardship plan granted, with the schedule it replaced.</summary>
    public HardshipRecord? Hardship { get; init; }

    /// <summary>What the customer is told of the change, saved with it (the store adds the loan's number and currency).</summary>
    public IReadOnlyList<Notice> Notices { get; init; } = [];
}

/// <summary>The audit event of a change to a loan.</summary>
public sealed record LoanAudit(string Actor, string Action, object Data);

/// <summary>The answer to a posting, stored so the same request with the same key gets it again.</summary>
public sealed record PostingReply(Guid PostingId, string? IdempotencyKey, string? RequestHash, string ResponseJson)
{
    /// <summary>Where the money came from (<see cref="PostPayment.PaymentChannels"/>), when the payer said.</summary>
    public string? Channel { get; init; }

    /// <summary>The receipt, slip, statement entry or provider transaction that proves the money arrived.</summary>
    public string? ReceiptReference { get; init; }
}

/// <summary>The payment reversed and why.</summary>
public sealed record ReversalRecord(Guid PaymentId, string Reason);

/// <summary>A hardship plan as recorded: its kind, parameters, the plan it replaced (JSON) and from when it holds.</summary>
public sealed record HardshipRecord(Guid Id, string Kind, string ParametersJson, string ScheduleBeforeJson, DateOnly EffectiveOn, string Actor);
