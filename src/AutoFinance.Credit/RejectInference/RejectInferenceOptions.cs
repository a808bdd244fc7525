namespace AutoFinance.Credit.RejectInference;

public sealed record RejectInferenceOptions
{
    public InferenceMethod Method { get; init; } = InferenceMethod.Parcelling;

    /// <summary>
    /// How much riskier a reject is taken to be than an accept the model scores the same: the policy that rejected
    /// them saw things the data does not hold. 1 trusts the accepts-only model as it is.
    /// </summary>
    public double Uplift { get; init; } = 1.5;

    /// <summary>Score bands of parcelling (quantiles of the accepts' PD).</summary>
    public int Bands { get; init; } = 10;

    /// <summary>Replicas of every row in fuzzy augmentation; a reject's are split bad and good by its PD.</summary>
    public int Replicas { get; init; } = 10;

    public int Seed { get; init; } = 42;

    public IEnumerable<string> Problems()
    {
        if (Uplift is < 1 or > 10 || double.IsNaN(Uplift))
        {
            yield return "uplift must be between 1 and 10";
        }

        if (Bands is < 1 or > 100)
        {
            yield return "bands must be between 1 and 100";
        }

        if (Replicas is < 2 or > 100)
        {
            yield return "replicas must be between 2 and 100";
        }
    }
}
