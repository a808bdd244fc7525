namespace AutoFinance.Credit.Challenger;

/// <summary>Which way the challenger's pd must move as an input grows, all else equal.</summary>
public enum MonotoneDirection
{
    /// <summary>A larger value never lowers the pd (e.g. more past delinquencies).</summary>
    Increasing,

    /// <summary>A larger value never raises the pd (e.g. a higher bureau score).</summary>
    Decreasing,
}
