namespace AutoFinance.Credit.Binning;

/// <summary>The direction the bad rate must follow across ordered bins.</summary>
public enum MonotonicTrend
{
    /// <summary>Try both directions and keep the one with the higher information value.</summary>
    Auto,
    Ascending,
    Descending,
}
