using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;

namespace AutoFinance.Credit.Export;

/// <summary>
/// Restates how <see cref="BinLocator"/> bins a value as an ordered list of rules where the first that holds wins,
/// the form PMML attributes and SQL CASE branches take, so every export scores exactly as the engine does.
/// <list type="number">
/// <item>A missing value scores the missing bin (the last one, if several), else the neutral points.</item>
/// <item>Numbers: a sentinel value scores its special bin (the first listing it), even outside the training range.</item>
/// <item>Numbers: below <see cref="Characteristic.Min"/> or above <see cref="Characteristic.Max"/> scores the neutral points.</item>
/// <item>Numbers: range bin k holds [upper of bin k−1, upper of bin k); the first is open below and the last open above,
/// as the engine's search over the upper bounds makes them.</item>
/// <item>Text: a category scores the bin that lists it (the last one, if several); text with surrounding blanks is
/// matched as given against categories that have such blanks, otherwise trimmed.</item>
/// <item>Anything else (an unseen category, a number when there are no range bins) scores the neutral points.</item>
/// </list>
/// </summary>
internal static class FirstMatchRules
{
    public static RuleSet Of(Characteristic characteristic)
    {
        ArgumentNullException.ThrowIfNull(characteristic);
        var rules = new List<ScoringRule> { MissingRule(characteristic) };
        if (characteristic.Kind == Data.ColumnKind.Categorical)
        {
            AddCategories(characteristic, rules);
        }
        else
        {
            AddSpecialNumbers(characteristic, rules);
            AddRanges(characteristic, rules);
        }

        return new RuleSet(characteristic, rules);
    }

    private static ScoringRule MissingRule(Characteristic characteristic)
    {
        var bin = BinMatch.Neutral;
        for (var i = 0; i < characteristic.Bins.Count; i++)
        {
            if (characteristic.Bins[i].Kind == BinKind.Missing)
            {
                bin = i;
            }
        }

        var points = bin == BinMatch.Neutral ? characteristic.NeutralPoints : characteristic.Bins[bin].Points;
        return new ScoringRule(new WhenMissing(characteristic.Kind == Data.ColumnKind.Categorical), points, bin);
    }

    private static void AddSpecialNumbers(Characteristic characteristic, List<ScoringRule> rules)
    {
        var seen = new List<double>();
        for (var i = 0; i < characteristic.Bins.Count; i++)
        {
            if (characteristic.Bins[i] is { Kind: BinKind.Special, SpecialValue: { } value } bin && !double.IsNaN(value) && !seen.Contains(value))
            {
                seen.Add(value);
                rules.Add(new ScoringRule(new WhenEqual(value), bin.Points, i));
            }
        }
    }

    private static void AddRanges(Characteristic characteristic, List<ScoringRule> rules)
    {
        var ranges = Enumerable.Range(0, characteristic.Bins.Count).Where(i => characteristic.Bins[i].Kind == BinKind.Range).ToArray();
        if (ranges.Length == 0)
        {
            return;
        }

        if (characteristic.Min is not null || characteristic.Max is not null)
        {
            rules.Add(new ScoringRule(new WhenOutside(characteristic.Min, characteristic.Max), characteristic.NeutralPoints, BinMatch.Neutral));
        }

        double? lower = null;
        for (var k = 0; k < ranges.Length; k++)
        {
            var bin = characteristic.Bins[ranges[k]];
            double? upper = null;
            if (k < ranges.Length - 1)
            {
                upper = bin.Upper is { } u && !double.IsNaN(u) && (lower is null || u >= lower)
                    ? u
                    : throw new ArgumentException(
                        $"the range bins of '{characteristic.Name}' must have ascending upper bounds, only the last may be open", nameof(characteristic));
            }

            rules.Add(new ScoringRule(new WhenBetween(lower, upper), bin.Points, ranges[k]));
            lower = upper;
        }
    }

    private static void AddCategories(Characteristic characteristic, List<ScoringRule> rules)
    {
        var binOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < characteristic.Bins.Count; i++)
        {
            var bin = characteristic.Bins[i];
            if (bin.Kind == BinKind.Categories || (bin.Kind == BinKind.Special && bin.SpecialValue is null))
            {
                foreach (var category in bin.Categories)
                {
                    binOf[category] = i;
                }
            }
        }

        // The engine looks a value up as given, then trimmed: a value with surrounding blanks can only equal a
        // category with such blanks as given, and any other value reaches a category through its trimmed form.
        AddSets(characteristic, binOf, rules, trimmed: false);
        AddSets(characteristic, binOf, rules, trimmed: true);
    }

    private static void AddSets(Characteristic characteristic, Dictionary<string, int> binOf, List<ScoringRule> rules, bool trimmed)
    {
        for (var i = 0; i < characteristic.Bins.Count; i++)
        {
            var members = characteristic.Bins[i].Categories
                .Where(c => binOf.TryGetValue(c, out var bin) && bin == i && (c.Trim().Length == c.Length) == trimmed)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (members.Length > 0)
            {
                rules.Add(new ScoringRule(new WhenIn(members, trimmed), characteristic.Bins[i].Points, i));
            }
        }
    }
}
