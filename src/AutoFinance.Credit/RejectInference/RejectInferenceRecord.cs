using AutoFinance.Credit.Artefacts;

namespace AutoFinance.Credit.RejectInference;

/// <summary>
/// How a model was trained with the rejects: the method, the uplift, how many rejects joined the training part and
/// how many of them were inferred bad, beside the accepts' own bad rate, and the accepts-only scorecard on the same
/// held-out accepts. The held-out part holds accepts only (a reject's outcome is unknown), so it cannot show what
/// inference gains on the whole applicant population; the simulation in the tests does.
/// </summary>
public sealed record RejectInferenceRecord
{
    public required InferenceMethod Method { get; init; }

    public required double Uplift { get; init; }

    public required int Rejects { get; init; }

    /// <summary>Share of the rejects inferred bad (for fuzzy augmentation, the share of their replicas).</summary>
    public required double RejectsBadRate { get; init; }

    /// <summary>Observed bad rate of the accepts in the training part.</summary>
    public required double AcceptsBadRate { get; init; }

    /// <summary>The accepts-only scorecard (which gave the rejects their pd) on the held-out accepts.</summary>
    public required PerformanceFigures AcceptsOnlyTest { get; init; }
}
