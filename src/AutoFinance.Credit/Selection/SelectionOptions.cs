namespace AutoFinance.Credit.Selection;

/// <summary>Thresholds of characteristic selection; defaults are the usual scorecard rules of thumb.</summary>
public sealed record SelectionOptions
{
    /// <summary>Characteristics with less information value are too weak to keep (0.02 is "unpredictive").</summary>
    public double MinIv { get; init; } = 0.02;

    /// <summary>Of two characteristics whose WoE correlate more than this (in absolute value), the weaker goes.</summary>
    public double MaxCorrelation { get; init; } = 0.7;

    /// <summary>Characteristics are removed, highest first, until every variance inflation factor is at most this.</summary>
    public double MaxVif { get; init; } = 5;

    /// <summary>At most this many characteristics, the strongest by IV.</summary>
    public int MaxCharacteristics { get; init; } = 20;

    public IEnumerable<string> Problems()
    {
        if (MinIv is < 0 or > 10)
        {
            yield return "min-iv must be between 0 and 10";
        }

        if (MaxCorrelation is <= 0 or > 1)
        {
            yield return "max-correlation must be above 0 and at most 1";
        }

        if (MaxVif < 1)
        {
            yield return "max-vif must be at least 1";
        }

        if (MaxCharacteristics < 1)
        {
            yield return "max-characteristics must be at least 1";
        }
    }
}
