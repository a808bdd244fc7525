using System.Globalization;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// Turns a dataset into the challenger's feature vectors. Columns are found by name; when a column's kind differs
/// from the model's (a numeric column the model treats as categorical, or the reverse), values are matched through
/// their text: a number finds the training level that reads as the same number, a level's text is read as a number.
/// </summary>
internal static class FeatureEncoder
{
    public static float[][] Encode(FeatureLayout layout, CreditDataset data)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(data);
        var rows = new float[data.Rows][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new float[layout.Width];
        }

        for (var f = 0; f < layout.Features.Count; f++)
        {
            var feature = layout.Features[f];
            var column = data.Find(feature.Name)
                ?? throw new CreditDataException($"the column '{feature.Name}' the challenger needs is not in the data");
            var offset = layout.Offsets[f];
            if (feature.Kind == ColumnKind.Numeric)
            {
                var values = NumericValues(column);
                for (var r = 0; r < rows.Length; r++)
                {
                    rows[r][offset] = values[r];
                }
            }
            else if (feature.Encoding == CategoryEncoding.RiskRank)
            {
                var ranks = LevelSlots(feature, column);
                for (var r = 0; r < rows.Length; r++)
                {
                    rows[r][offset] = ranks[r] >= 0 ? ranks[r] : float.NaN;
                }
            }
            else
            {
                var slots = LevelSlots(feature, column);
                for (var r = 0; r < rows.Length; r++)
                {
                    var slot = slots[r];
                    if (slot >= 0)
                    {
                        rows[r][offset + slot] = 1f;
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>The column as numbers; NaN where the value is missing or a level does not read as a number.</summary>
    private static float[] NumericValues(DatasetColumn column)
    {
        switch (column)
        {
            case NumericColumn numeric:
                return [.. numeric.Values.Select(v => (float)v)];
            case CategoricalColumn categorical:
                var levelValues = categorical.Levels.Select(ParseNumber).ToArray();
                return [.. categorical.Codes.Select(c => c >= 0 ? levelValues[c] : float.NaN)];
            default:
                throw new NotSupportedException(column.GetType().Name);
        }
    }

    /// <summary>The index into the feature's levels of every row (its one-hot slot or its risk rank); -1 for missing or unseen.</summary>
    private static int[] LevelSlots(ChallengerFeature feature, DatasetColumn column)
    {
        switch (column)
        {
            case CategoricalColumn categorical:
                var byText = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < feature.Levels.Count; i++)
                {
                    byText.TryAdd(feature.Levels[i], i);
                }

                var slotOfCode = categorical.Levels.Select(l => byText.GetValueOrDefault(l, -1)).ToArray();
                return [.. categorical.Codes.Select(c => c >= 0 ? slotOfCode[c] : -1)];
            case NumericColumn numeric:
                var byNumber = new Dictionary<double, int>();
                for (var i = 0; i < feature.Levels.Count; i++)
                {
                    if (double.TryParse(feature.Levels[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                    {
                        byNumber.TryAdd(number, i);
                    }
                }

                return [.. numeric.Values.Select(v => double.IsNaN(v) ? -1 : byNumber.GetValueOrDefault(v, -1))];
            default:
                throw new NotSupportedException(column.GetType().Name);
        }
    }

    private static float ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? (float)number : float.NaN;
}
