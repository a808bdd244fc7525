namespace AutoFinance.Credit.Binning;

/// <summary>The shape the bad rate must follow across ordered bins.</summary>
public enum MonotonicTrend
{
    /// <summary>
    /// Try both directions and keep the one with the higher information value; for numbers, also a peak or a valley
    /// when it earns clearly more under the significance constraint (see <see cref="BinningOptions"/>).
    /// </summary>
    Auto,
    Ascending,
    Descending,

    /// <summary>The bad rate rises to a highest bin and falls after it (e.g. risk by age of a young and an old tail).</summary>
    Peak,

    /// <summary>The bad rate falls to a lowest bin and rises after it.</summary>
    Valley,
}
