using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// Where every input of the challenger sits in the feature vector: a numeric column takes one slot (NaN when
/// missing), a categorical column one slot holding its risk rank (NaN when missing or unseen) or, in models written
/// before risk ranks, one slot per training level (one-hot; a missing or unseen level sets none).
/// Each slot maps back to the column it came from, which is how contributions are summed per column.
/// </summary>
internal sealed class FeatureLayout
{
    public FeatureLayout(IReadOnlyList<ChallengerFeature> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Features = features;
        Offsets = new int[features.Count];
        var sources = new List<int>();
        for (var f = 0; f < features.Count; f++)
        {
            Offsets[f] = sources.Count;
            var slots = SlotCount(features[f]);
            for (var s = 0; s < slots; s++)
            {
                sources.Add(f);
            }
        }

        SlotSource = [.. sources];
        if (Width == 0)
        {
            throw new CreditDataException("the challenger has no input: every column is missing or without levels in the training rows");
        }
    }

    public IReadOnlyList<ChallengerFeature> Features { get; }

    /// <summary>The first slot of each feature.</summary>
    public int[] Offsets { get; }

    /// <summary>The feature each slot belongs to.</summary>
    public int[] SlotSource { get; }

    public int Width => SlotSource.Length;

    /// <summary>
    /// The features of a training sample: every numeric column with at least one value, and every categorical column
    /// with the levels that occur in its rows: for risk ranks ordered by bad rate (shrunk towards the sample's with
    /// the weight of <see cref="RankPriorRows"/> rows, so a rare level is not ranked by its noise), ties in the
    /// dataset's level order; for one-hot in the dataset's level order.
    /// </summary>
    public static FeatureLayout Describe(CreditDataset train, CategoryEncoding encoding = CategoryEncoding.RiskRank)
    {
        ArgumentNullException.ThrowIfNull(train);
        var features = new List<ChallengerFeature>();
        var sampleRate = train.Rows == 0 ? 0 : (double)train.Bads / train.Rows;
        foreach (var column in train.Columns)
        {
            switch (column)
            {
                case NumericColumn numeric when numeric.Values.Any(v => !double.IsNaN(v)):
                    features.Add(new ChallengerFeature(column.Name, ColumnKind.Numeric, []));
                    break;
                case CategoricalColumn categorical:
                    var rows = new int[categorical.Levels.Count];
                    var bads = new int[categorical.Levels.Count];
                    for (var r = 0; r < categorical.Codes.Length; r++)
                    {
                        var code = categorical.Codes[r];
                        if (code >= 0)
                        {
                            rows[code]++;
                            bads[code] += train.Target[r];
                        }
                    }

                    var seen = Enumerable.Range(0, rows.Length).Where(i => rows[i] > 0);
                    if (encoding == CategoryEncoding.RiskRank)
                    {
                        seen = seen.OrderBy(i => (bads[i] + (RankPriorRows * sampleRate)) / (rows[i] + RankPriorRows)).ThenBy(i => i);
                    }

                    string[] levels = [.. seen.Select(i => categorical.Levels[i])];
                    if (levels.Length > 0)
                    {
                        features.Add(new ChallengerFeature(column.Name, ColumnKind.Categorical, levels, encoding));
                    }

                    break;
            }
        }

        return new FeatureLayout(features);
    }

    /// <summary>How many rows at the sample's bad rate each level's rate is shrunk with before ranking.</summary>
    public const double RankPriorRows = 10;

    private static int SlotCount(ChallengerFeature feature) =>
        feature.Kind == ColumnKind.Numeric || feature.Encoding == CategoryEncoding.RiskRank ? 1 : feature.Levels.Count;
}
