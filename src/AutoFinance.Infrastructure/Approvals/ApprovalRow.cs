using AutoFinance.Application.Common;
using AutoFinance.Domain.Approvals;

namespace AutoFinance.Infrastructure.Approvals;

/// <summary>
/// A sensitive action one person asked for and a second must approve before it happens (the four-eyes rule). The
/// payload may hold personal data (a national ID to blacklist), so it is stored encrypted.
/// </summary>
public sealed class ApprovalRow
{
    public Guid Id { get; set; }

    /// <summary>blacklist.add, blacklist.remove, loan.write-off, customer.export-unmasked, payment.staff-receipt, payoff.staff-receipt or dealer.settlement-account.</summary>
    public required string Action { get; set; }

    public required string Target { get; set; }

    /// <summary>What the action needs, encrypted; a readable summary without personal data is in <see cref="Summary"/>.</summary>
    public required string PayloadCipher { get; set; }

    public required string Summary { get; set; }

    /// <summary>The summary's facts by name (JSON), for saying it in the reader's language; null on requests made before they were kept.</summary>
    public string? SummaryFacts { get; set; }

    public required string Reason { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>pending, approved (and carried out), rejected or failed (approved, but the action could not be done).</summary>
    public ApprovalStatus Status { get; set; } = ApprovalStatus.Pending;

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Outcome { get; set; }

    /// <summary>The outcome's facts by name (JSON) when the action was carried out; null otherwise.</summary>
    public string? OutcomeFacts { get; set; }

    /// <summary>Records what the approved action came to.</summary>
    public void Record(RecordNote outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Outcome = outcome.Text;
        OutcomeFacts = Json.Serialize(outcome.Facts);
    }

    public long Version { get; set; }
}
