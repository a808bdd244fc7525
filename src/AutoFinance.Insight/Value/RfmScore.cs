namespace AutoFinance.Insight.Value;

/// <summary>A customer's RFM quintiles, 5 the best: most recent, most frequent, most valuable.</summary>
public sealed record RfmScore(string CustomerId, int Recency, int Frequency, int Monetary)
{
    /// <summary>The three digits side by side, as marketers write them ("545").</summary>
    public string Code => $"{Recency}{Frequency}{Monetary}";

    /// <summary>The sum of the three scores, 3 to 15.</summary>
    public int Total => Recency + Frequency + Monetary;
}
