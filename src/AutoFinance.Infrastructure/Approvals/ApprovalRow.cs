using AutoFinance.Domain.Approvals;

namespace AutoFinance.Infrastructure.Approvals;

/// <summary>
/// A sensitive action one person asked for and a second must approve before it happens (the four-eyes rule). The
/// payload may hold personal data (a national ID to blacklist), so it is stored encrypted.
/// </summary>
public sealed class ApprovalRow
{
    public Guid Id { get; set; }

    /// <summary>blacklist.add, blacklist.remove, loan.write-off, customer.export-unmasked, payment.staff-receipt or payoff.staff-receipt.</summary>
    public required string Action { get; set; }

    public required string Target { get; set; }

    /// <summary>What the action needs, encrypted; a readable summary without personal data is in <see cref="Summary"/>.</summary>
    public required string PayloadCipher { get; set; }

    public required string Summary { get; set; }

    public required string Reason { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>pending, approved (and carried out), rejected or failed (approved, but the action could not be done).</summary>
    public ApprovalStatus Status { get; set; } = ApprovalStatus.Pending;

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Outcome { get; set; }

    public long Version { get; set; }
}
