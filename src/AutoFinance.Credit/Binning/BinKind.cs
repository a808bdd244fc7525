namespace AutoFinance.Credit.Binning;

public enum BinKind
{
    /// <summary>Numbers from <see cref="Bin.Lower"/> (inclusive) to <see cref="Bin.Upper"/> (exclusive).</summary>
    Range,

    /// <summary>A group of categories.</summary>
    Categories,

    /// <summary>Rows with no value.</summary>
    Missing,

    /// <summary>One sentinel value named by the analyst.</summary>
    Special,
}
