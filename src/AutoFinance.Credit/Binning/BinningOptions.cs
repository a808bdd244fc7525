namespace AutoFinance.Credit.Binning;

/// <summary>The constraints of optimal binning. Defaults follow common scorecard practice.</summary>
public sealed record BinningOptions
{
    /// <summary>Quantile pre-bins a numeric characteristic starts from.</summary>
    public int PrebinCount { get; init; } = 20;

    /// <summary>At most this many bins for the ordinary values (missing and special bins come on top).</summary>
    public int MaxBins { get; init; } = 6;

    /// <summary>Each ordinary bin holds at least this share of the rows with a value.</summary>
    public double MinBinShare { get; init; } = 0.05;

    public int MinBads { get; init; } = 1;

    public int MinGoods { get; init; } = 1;

    public MonotonicTrend Trend { get; init; } = MonotonicTrend.Auto;

    /// <summary>With <see cref="MonotonicTrend.Auto"/>, numbers may also take a peak or a valley.</summary>
    public bool ConsiderTurns { get; init; } = true;

    /// <summary>A peak or valley is kept only when its information value beats the monotonic one by this share.</summary>
    public double TurnMinIvGain { get; init; } = 0.10;

    /// <summary>Each step of a peak or valley must be significant: a two-proportion test p-value at most this.</summary>
    public double TurnMaxPValue { get; init; } = 0.05;

    /// <summary>Categories rarer than this share are pooled into one group before grouping.</summary>
    public double RareCategoryShare { get; init; } = 0.01;

    /// <summary>Added to both counts of a bin that has no goods or no bads, so its WoE stays finite.</summary>
    public double Smoothing { get; init; } = 0.5;

    public IEnumerable<string> Problems()
    {
        if (PrebinCount is < 2 or > 1000)
        {
            yield return "prebins must be between 2 and 1000";
        }

        if (MaxBins is < 1 or > 50)
        {
            yield return "max-bins must be between 1 and 50";
        }

        if (MinBinShare is < 0 or >= 1)
        {
            yield return "min-bin-share must be at least 0 and below 1";
        }

        if (MinBads < 0 || MinGoods < 0)
        {
            yield return "min-bads and min-goods cannot be negative";
        }

        if (RareCategoryShare is < 0 or >= 1)
        {
            yield return "rare-category-share must be at least 0 and below 1";
        }

        if (TurnMinIvGain is < 0 or > 10 || double.IsNaN(TurnMinIvGain))
        {
            yield return "turn-min-iv-gain must be between 0 and 10";
        }

        if (TurnMaxPValue is <= 0 or > 1 || double.IsNaN(TurnMaxPValue))
        {
            yield return "turn-max-p-value must be above 0 and at most 1";
        }

        if (Smoothing is <= 0 or > 10)
        {
            yield return "smoothing must be above 0 and at most 10";
        }
    }
}
