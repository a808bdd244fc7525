namespace AutoFinance.Credit.Binning;

/// <summary>One bin of a characteristic with its counts, weight of evidence and information value.</summary>
public sealed record Bin
{
    public required BinKind Kind { get; init; }

    /// <summary>Inclusive lower bound of a range bin; null means minus infinity.</summary>
    public double? Lower { get; init; }

    /// <summary>Exclusive upper bound of a range bin; null means plus infinity.</summary>
    public double? Upper { get; init; }

    /// <summary>The categories of a category bin, or the sentinel text of a special bin.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The sentinel number of a numeric special bin.</summary>
    public double? SpecialValue { get; init; }

    public required int Goods { get; init; }

    public required int Bads { get; init; }

    /// <summary>ln(share of goods / share of bads); positive means safer than average.</summary>
    public required double Woe { get; init; }

    public required double Iv { get; init; }

    public int Count => Goods + Bads;

    public double EventRate => Count == 0 ? 0 : (double)Bads / Count;
}
