namespace AutoFinance.Infrastructure.Payouts;

/// <summary>Which of a statement line's references may be a payout's own (PO… to a dealer, RF… a refund): the EndToEndId the bank carries.</summary>
public static class PayoutReferences
{
    public static IReadOnlyList<string> In(IEnumerable<string> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        return [.. references.Select(r => r.Trim()).Where(r => r.StartsWith("PO", StringComparison.Ordinal) || r.StartsWith("RF", StringComparison.Ordinal))];
    }
}
