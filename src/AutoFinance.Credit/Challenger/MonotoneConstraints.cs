using System.Globalization;
using System.Reflection;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// Monotone constraints of the challenger: per input, the direction the pd must follow. LightGBM enforces them while
/// it grows each tree (a split whose children's outputs break the order is not taken, and leaf outputs are bounded by
/// their neighbours'), so the booster's partial dependence on a constrained input is monotone by construction.
/// A risk-ranked category may be constrained too: its slot is the level's rank by training bad rate, so
/// <see cref="MonotoneDirection.Increasing"/> keeps the ranking's order.
/// </summary>
public static class MonotoneConstraints
{
    /// <summary>
    /// Directions read from a scorecard's bin trends: a numeric characteristic whose bad rate ascends across its bins
    /// is increasing, one that descends is decreasing; peaks, valleys and categories are left free.
    /// </summary>
    public static IReadOnlyDictionary<string, MonotoneDirection> FromTrends(IEnumerable<Characteristic> characteristics)
    {
        ArgumentNullException.ThrowIfNull(characteristics);
        var directions = new Dictionary<string, MonotoneDirection>(StringComparer.Ordinal);
        foreach (var characteristic in characteristics.Where(c => c.Kind == ColumnKind.Numeric))
        {
            if (characteristic.Trend == MonotonicTrend.Ascending)
            {
                directions[characteristic.Name] = MonotoneDirection.Increasing;
            }
            else if (characteristic.Trend == MonotonicTrend.Descending)
            {
                directions[characteristic.Name] = MonotoneDirection.Decreasing;
            }
        }

        return directions;
    }

    /// <summary>
    /// LightGBM's per-slot constraint (1 increasing, −1 decreasing, 0 free), or null when nothing is constrained. A
    /// named input the layout lacks is left out (selection or loading may have dropped it); a one-hot category cannot be
    /// constrained, since its slots have no order.
    /// </summary>
    internal static int[]? SlotVector(FeatureLayout layout, IReadOnlyDictionary<string, MonotoneDirection> directions)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(directions);
        if (directions.Count == 0)
        {
            return null;
        }

        var slots = new int[layout.Width];
        var any = false;
        for (var f = 0; f < layout.Features.Count; f++)
        {
            var feature = layout.Features[f];
            if (!directions.TryGetValue(feature.Name, out var direction))
            {
                continue;
            }

            if (feature.Kind == ColumnKind.Categorical && feature.Encoding != CategoryEncoding.RiskRank)
            {
                throw new CreditDataException($"the challenger cannot hold '{feature.Name}' monotone: its levels are one-hot slots without an order");
            }

            slots[layout.Offsets[f]] = direction == MonotoneDirection.Increasing ? 1 : -1;
            any = true;
        }

        return any ? slots : null;
    }

    /// <summary>
    /// Passes the constraint to LightGBM. ML.NET's trainer options have no monotone constraint, but the trainer hands
    /// LightGBM every entry of its parameter dictionary as written; the entry is added there before training.
    /// </summary>
    internal static void Apply(LightGbmBinaryTrainer trainer, int[] slots)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(slots);
        if (ParameterField.GetValue(trainer) is not Dictionary<string, object> parameters)
        {
            throw new InvalidOperationException("the LightGBM trainer holds no parameter dictionary");
        }

        parameters["monotone_constraints"] = string.Join(',', slots.Select(s => s.ToString(CultureInfo.InvariantCulture)));
        parameters["monotone_constraints_method"] = "intermediate";
    }

    private static readonly FieldInfo ParameterField = FindParameterField();

    private static FieldInfo FindParameterField()
    {
        for (var type = typeof(LightGbmBinaryTrainer); type is not null; type = type.BaseType)
        {
            if (type.GetField("GbmOptions", BindingFlags.Instance | BindingFlags.NonPublic) is { } field)
            {
                return field;
            }
        }

        throw new InvalidOperationException("this ML.NET version's LightGBM trainer has no parameter dictionary to pass monotone constraints through");
    }
}
