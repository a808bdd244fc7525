using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Binning;

/// <summary>The binning of one characteristic: its bins in order, total IV and the training range of its numbers.</summary>
public sealed record VariableBinning
{
    public required string Name { get; init; }

    public required ColumnKind Kind { get; init; }

    public required IReadOnlyList<Bin> Bins { get; init; }

    public required MonotonicTrend Trend { get; init; }

    /// <summary>Smallest ordinary training value of a numeric characteristic.</summary>
    public double? Min { get; init; }

    /// <summary>Largest ordinary training value of a numeric characteristic.</summary>
    public double? Max { get; init; }

    public double Iv => Bins.Sum(b => b.Iv);
}
