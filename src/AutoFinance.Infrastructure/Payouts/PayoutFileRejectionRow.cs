namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// A bank file the bank rejected whole (a pain.002 report with the group status RJCT and no transfer named): none of
/// its transfers was carried out, and its pending payouts were released for the next file. Kept so staff still see the
/// file, what it carried and why the bank refused it, after its payouts have moved on.
/// </summary>
public sealed class PayoutFileRejectionRow
{
    /// <summary>The rejected file's message id (<c>OrgnlMsgId</c>).</summary>
    public required string MessageId { get; set; }

    /// <summary>The status report's own message id.</summary>
    public required string ReportMessageId { get; set; }

    /// <summary>The bank's reason code for the file (FF01 invalid file format, say), when it gave one.</summary>
    public string? ReasonCode { get; set; }

    /// <summary>What the bank wrote with it, as it came.</summary>
    public string? Reason { get; set; }

    /// <summary>The transfers the file carried, and their total, as it was written.</summary>
    public int Transfers { get; set; }

    public decimal Total { get; set; }

    /// <summary>The payouts released for the next file (the rest had been settled otherwise already).</summary>
    public int Released { get; set; }

    public DateTimeOffset RejectedAt { get; set; }

    public required string RecordedBy { get; set; }
}
