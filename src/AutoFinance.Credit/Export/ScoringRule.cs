namespace AutoFinance.Credit.Export;

/// <summary>When a rule applies to the value of one characteristic.</summary>
internal abstract record RuleCondition;

/// <summary>
/// No value. For a categorical characteristic also text that, once its surrounding blanks are trimmed, is one of
/// <see cref="Data.MissingValues.Tokens"/> (<see cref="Spellings"/> is then true).
/// </summary>
internal sealed record WhenMissing(bool Spellings) : RuleCondition;

/// <summary>A number equal to a sentinel value.</summary>
internal sealed record WhenEqual(double Value) : RuleCondition;

/// <summary>A number below <see cref="Min"/> or above <see cref="Max"/>; an absent bound does not limit.</summary>
internal sealed record WhenOutside(double? Min, double? Max) : RuleCondition;

/// <summary>A number from <see cref="Lower"/> (inclusive) to <see cref="Upper"/> (exclusive); an absent bound does not limit.</summary>
internal sealed record WhenBetween(double? Lower, double? Upper) : RuleCondition;

/// <summary>Text that is one of <see cref="Categories"/>: as given, or once its surrounding blanks are trimmed.</summary>
internal sealed record WhenIn(IReadOnlyList<string> Categories, bool Trimmed) : RuleCondition;

/// <summary>
/// One rule of a characteristic: when <see cref="When"/> holds and no earlier rule did, the characteristic scores
/// <see cref="Points"/>. <see cref="Bin"/> is the bin's index, or -1 when the points are the neutral ones.
/// </summary>
internal sealed record ScoringRule(RuleCondition When, double Points, int Bin);

/// <summary>The rules of one characteristic in the order they are tried; a value no rule takes scores the neutral points.</summary>
internal sealed record RuleSet(Artefacts.Characteristic Characteristic, IReadOnlyList<ScoringRule> Rules)
{
    public bool IsCategorical => Characteristic.Kind == Data.ColumnKind.Categorical;
}
