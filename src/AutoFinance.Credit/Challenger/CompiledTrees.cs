using System.Reflection;
using Microsoft.ML.Trainers.LightGbm;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// The booster's trees laid out in flat arrays and walked directly: the raw score of one feature vector without an
/// ML.NET prediction engine, its data view and its per-call buffers. Evaluation follows ML.NET's own rules to the bit
/// (so the score is the one the engine answers): at an inner node a missing value (NaN) is replaced by the node's
/// default for missing when the tree has one, the value goes left when it is at most the node's threshold (float
/// comparison, so NaN without a default goes right), the reached leaves are summed in tree order in double and the
/// sum is rounded to float.
/// </summary>
internal sealed class CompiledTrees
{
    private readonly int[] _roots;
    private readonly int[] _leafOffsets;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly float[] _missing;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _leaves;

    private CompiledTrees(int[] roots, int[] leafOffsets, int[] feature, float[] threshold, float[] missing, int[] left, int[] right, double[] leaves)
    {
        _roots = roots;
        _leafOffsets = leafOffsets;
        _feature = feature;
        _threshold = threshold;
        _missing = missing;
        _left = left;
        _right = right;
        _leaves = leaves;
    }

    public int Trees => _roots.Length;

    /// <summary>
    /// Compiles the booster; null when it holds something these arrays do not express (a categorical split, a tree
    /// whose inner layout cannot be read), in which case the caller keeps the prediction engine.
    /// </summary>
    public static CompiledTrees? TryCompile(LightGbmBinaryModelParameters booster, int width)
    {
        ArgumentNullException.ThrowIfNull(booster);
        var ensemble = booster.TrainedTreeEnsemble;
        if (ensemble.Bias != 0)
        {
            return null;
        }

        var roots = new List<int>();
        var leafOffsets = new List<int>();
        var feature = new List<int>();
        var threshold = new List<float>();
        var missing = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var leaves = new List<double>();
        foreach (var tree in ensemble.Trees)
        {
            var inner = tree.NumberOfNodes;
            if (!TryReadDefaultsForMissing(tree, out var defaults) || (defaults is not null && defaults.Length < inner))
            {
                return null;
            }

            roots.Add(inner == 0 || tree.NumberOfLeaves <= 1 ? -1 : feature.Count);
            leafOffsets.Add(leaves.Count);
            var nodeOffset = feature.Count;
            for (var n = 0; n < inner; n++)
            {
                if (tree.CategoricalSplitFlags[n] || tree.NumericalSplitFeatureIndexes[n] is var f && (f < 0 || f >= width))
                {
                    return null;
                }

                feature.Add(tree.NumericalSplitFeatureIndexes[n]);
                threshold.Add(tree.NumericalSplitThresholds[n]);
                missing.Add(defaults is null ? float.NaN : defaults[n]);
                left.Add(Child(tree.LeftChild[n], nodeOffset));
                right.Add(Child(tree.RightChild[n], nodeOffset));
            }

            foreach (var value in tree.LeafValues)
            {
                leaves.Add(value);
            }
        }

        return new CompiledTrees([.. roots], [.. leafOffsets], [.. feature], [.. threshold], [.. missing], [.. left], [.. right], [.. leaves]);
    }

    /// <summary>The raw boosting score of one feature vector, as ML.NET's <c>Score</c> column reads it.</summary>
    public float RawScore(ReadOnlySpan<float> features)
    {
        var feature = _feature;
        var threshold = _threshold;
        var missing = _missing;
        var left = _left;
        var right = _right;
        var sum = 0.0;
        for (var t = 0; t < _roots.Length; t++)
        {
            var node = _roots[t];
            if (node < 0)
            {
                sum += _leaves[_leafOffsets[t]];
                continue;
            }

            while (node >= 0)
            {
                var value = features[feature[node]];
                if (float.IsNaN(value))
                {
                    value = missing[node];
                }

                node = value <= threshold[node] ? left[node] : right[node];
            }

            sum += _leaves[_leafOffsets[t] + ~node];
        }

        return (float)sum;
    }

    /// <summary>An inner child becomes a global node index; a leaf (ML.NET writes it as ~leaf) stays ~leaf within its tree.</summary>
    private static int Child(int child, int nodeOffset) => child >= 0 ? child + nodeOffset : child;

    /// <summary>
    /// The tree's default value for a missing input at each inner node. ML.NET keeps it on the tree it wraps and does
    /// not publish it, so it is read by reflection; null when the tree has none (NaN then goes right everywhere).
    /// False when this ML.NET does not keep it where it is looked for.
    /// </summary>
    private static bool TryReadDefaultsForMissing(object tree, out float[]? defaults)
    {
        defaults = null;
        FieldInfo? wrapped = null;
        for (var type = tree.GetType(); type is not null && wrapped is null; type = type.BaseType)
        {
            wrapped = type.GetField("_tree", BindingFlags.Instance | BindingFlags.NonPublic);
        }

        var inner = wrapped?.GetValue(tree);
        var field = inner?.GetType().GetField("DefaultValueForMissing", BindingFlags.Instance | BindingFlags.Public);
        if (field is null || field.FieldType != typeof(float[]))
        {
            return false;
        }

        defaults = (float[]?)field.GetValue(inner);
        return true;
    }
}
