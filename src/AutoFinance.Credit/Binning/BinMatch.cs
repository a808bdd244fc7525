namespace AutoFinance.Credit.Binning;

/// <summary>Why a value was scored in the neutral bin rather than a bin seen in training.</summary>
public enum MatchNote
{
    None,

    /// <summary>The value is missing and training had no missing values for this characteristic.</summary>
    MissingNotSeen,

    /// <summary>The number lies outside the range seen in training.</summary>
    OutOfRange,

    /// <summary>The category never occurred in training.</summary>
    UnseenCategory,

    /// <summary>A numeric characteristic was given text that is not a number.</summary>
    NotANumber,
}

/// <summary>The bin a value falls in; <see cref="Bin"/> is -1 for the neutral bin (WoE 0).</summary>
public readonly record struct BinMatch(int Bin, MatchNote Note)
{
    public const int Neutral = -1;

    public bool IsNeutral => Bin == Neutral;
}
