namespace AutoFinance.Insight.Offers;

/// <summary>Whether a product may be offered, and why (or why not), in words fit for the decision log.</summary>
public sealed record Eligibility(bool Eligible, string Reason)
{
    internal static Eligibility Yes(string reason) => new(true, reason);

    internal static Eligibility No(string reason) => new(false, reason);
}
