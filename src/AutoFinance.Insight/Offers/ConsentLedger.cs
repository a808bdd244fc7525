namespace AutoFinance.Insight.Offers;

/// <summary>Reads consent from its history of events.</summary>
/// <remarks>
/// Rule: only events of the same customer, purpose and channel recorded at or before the instant count; the latest
/// decides; at one instant a withdrawal outranks a grant (doubt never means consent); no event means no consent.
/// </remarks>
public static class ConsentLedger
{
    /// <summary>The consent state at <paramref name="at"/>.</summary>
    public static ConsentState StateAt(
        IEnumerable<ConsentRecord> records, string customerId, ConsentPurpose purpose, ContactChannel channel, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(records);
        var latest = records
            .Where(r => r.CustomerId == customerId && r.Purpose == purpose && r.Channel == channel && r.RecordedAt <= at)
            .OrderByDescending(r => r.RecordedAt)
            .ThenBy(r => r.Granted)
            .FirstOrDefault();
        return latest is null ? ConsentState.NeverGiven : latest.Granted ? ConsentState.Granted : ConsentState.Withdrawn;
    }
}
