namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// One bank statement entry as imported: its entry reference is unique, so an entry seen twice is never posted twice.
/// matched (posted to a loan), unmatched (in suspense, on the worklist), assigned (from suspense to a loan by a
/// person), returned (sent back to the payer) or ignored (a debit: not the customer's money).
/// </summary>
public sealed class StatementLineRow
{
    public Guid Id { get; set; }

    public required string EntryReference { get; set; }

    public string? StatementId { get; set; }

    public required string Format { get; set; }

    public DateOnly BookingDate { get; set; }

    public decimal Amount { get; set; }

    public required string Currency { get; set; }

    public bool IsCredit { get; set; }

    /// <summary>The payer's name as the bank gave it, encrypted (personal data).</summary>
    public string? PayerNameCipher { get; set; }

    /// <summary>The references the entry carried (remittance text, creditor account), as the bank gave them.</summary>
    public string? References { get; set; }

    public required string Status { get; set; }

    /// <summary>reference, amount-and-name or a person's assignment.</summary>
    public string? MatchedBy { get; set; }

    public Guid? LoanId { get; set; }

    public Guid? PaymentId { get; set; }

    public required string ImportedBy { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? Note { get; set; }
}

public static class StatementLineStatus
{
    public const string Matched = "matched";
    public const string Unmatched = "unmatched";
    public const string Assigned = "assigned";
    public const string Returned = "returned";
    public const string Ignored = "ignored";
}
