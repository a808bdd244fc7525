using Microsoft.ML.Data;

namespace AutoFinance.Insight.Churn;

/// <summary>The rows ML.NET reads.</summary>
internal sealed class ChurnRow
{
    public bool Label { get; set; }

    [VectorType(ChurnFeatures.Count)]
    public float[] Features { get; set; } = [];

    public static ChurnRow From(ChurnObservation o) => new() { Label = o.LeftWithinHorizon, Features = ChurnFeatures.Vector(o) };
}

/// <summary>The columns ML.NET writes back.</summary>
internal sealed class ChurnScoredRow
{
    public float Probability { get; set; }

    public float[] FeatureContributions { get; set; } = [];
}
