using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// Where every input of the challenger sits in the feature vector: a numeric column takes one slot (NaN when
/// missing), a categorical column one slot per training level (one-hot; a missing or unseen level sets none).
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
    /// with the levels that occur in its rows, in the order of the dataset's level list.
    /// </summary>
    public static FeatureLayout Describe(CreditDataset train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var features = new List<ChallengerFeature>();
        foreach (var column in train.Columns)
        {
            switch (column)
            {
                case NumericColumn numeric when numeric.Values.Any(v => !double.IsNaN(v)):
                    features.Add(new ChallengerFeature(column.Name, ColumnKind.Numeric, []));
                    break;
                case CategoricalColumn categorical:
                    var seen = new bool[categorical.Levels.Count];
                    foreach (var code in categorical.Codes)
                    {
                        if (code >= 0)
                        {
                            seen[code] = true;
                        }
                    }

                    string[] levels = [.. categorical.Levels.Where((_, i) => seen[i])];
                    if (levels.Length > 0)
                    {
                        features.Add(new ChallengerFeature(column.Name, ColumnKind.Categorical, levels));
                    }

                    break;
            }
        }

        return new FeatureLayout(features);
    }

    private static int SlotCount(ChallengerFeature feature) =>
        feature.Kind == ColumnKind.Numeric ? 1 : feature.Levels.Count;
}
