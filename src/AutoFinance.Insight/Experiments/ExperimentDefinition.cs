namespace AutoFinance.Insight.Experiments;

/// <summary>
/// An A/B test of an offer or a message, fixed before it starts: the variants (the first is the control), the
/// conversion metric, and the figures the sample size is computed from.
/// </summary>
/// <param name="Id">Stable identifier; part of the assignment hash, so renaming it reshuffles subjects.</param>
/// <param name="Variants">The arms, control first.</param>
/// <param name="Metric">The conversion being compared ("offer accepted within 14 days").</param>
/// <param name="BaselineRate">The control's expected conversion rate.</param>
/// <param name="MinimumDetectableEffect">The smallest absolute lift worth detecting (0.02 = two points).</param>
/// <param name="Alpha">Two-sided significance level.</param>
/// <param name="Power">Chance of detecting the minimum effect if it is real.</param>
/// <remarks>
/// No peeking: the sample size per variant is computed up front (<see cref="SampleSize"/>) and the result is final
/// only when every variant has reached it. Looking at p-values as data arrive and stopping at the first p &lt; α
/// inflates false positives far above α; interim results are therefore flagged "not final" and must not be acted on.
/// </remarks>
public sealed record ExperimentDefinition(
    string Id,
    IReadOnlyList<ExperimentVariant> Variants,
    string Metric,
    double BaselineRate,
    double MinimumDetectableEffect,
    double Alpha = 0.05,
    double Power = 0.8)
{
    /// <summary>The largest sample per variant a definition may call for; a smaller effect cannot be told apart in practice.</summary>
    public const int MaxSamplePerVariant = 100_000_000;

    /// <summary>The most arms an experiment may have: each more splits the traffic and multiplies the comparisons.</summary>
    public const int MaxVariants = 10;

    /// <summary>The largest weight of an arm: weights are shares relative to each other, so 1 to 1,000 says any split.</summary>
    public const double MaxWeight = 1_000;

    /// <summary>Subjects needed in each variant, by <see cref="SampleSize.PerVariant"/>.</summary>
    public int RequiredSamplePerVariant =>
        SampleSize.PerVariant(BaselineRate, BaselineRate + MinimumDetectableEffect, Alpha, Power);

    /// <summary>The problems with the definition, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id))
        {
            problems.Add("id: required");
        }

        if (Variants is null || Variants.Count < 2 || Variants.Count > MaxVariants)
        {
            problems.Add($"variants: from two to {MaxVariants} are needed");
        }
        else
        {
            if (Variants.Any(v => !(v.Weight > 0) || !(v.Weight <= MaxWeight)))
            {
                problems.Add($"variants: every weight must be above 0 and at most {MaxWeight:0}");
            }

            if (Variants.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count() != Variants.Count)
            {
                problems.Add("variants: names must be distinct");
            }
        }

        if (BaselineRate is <= 0 or >= 1)
        {
            problems.Add("baselineRate: must lie strictly between 0 and 1");
        }

        if (MinimumDetectableEffect == 0 || BaselineRate + MinimumDetectableEffect is <= 0 or >= 1)
        {
            problems.Add("minimumDetectableEffect: must be non-zero and keep the rate between 0 and 1");
        }

        // Outside these a test either finds "effects" by chance or cannot find a real one: no experiment worth running.
        if (Alpha is < 0.001 or > 0.2 || double.IsNaN(Alpha))
        {
            problems.Add("alpha: must lie between 0.001 and 0.2");
        }

        if (Power is < 0.5 or > 0.99 || double.IsNaN(Power))
        {
            problems.Add("power: must lie between 0.5 and 0.99");
        }

        // An effect so small (or an alpha and power so strict) that no practical sample could detect it.
        if (!problems.Any(p => p.StartsWith("baselineRate", StringComparison.Ordinal) || p.StartsWith("minimumDetectableEffect", StringComparison.Ordinal)
                || p.StartsWith("alpha", StringComparison.Ordinal) || p.StartsWith("power", StringComparison.Ordinal))
            && !(SampleSize.Unrounded(BaselineRate, BaselineRate + MinimumDetectableEffect, Alpha, Power) <= MaxSamplePerVariant))
        {
            problems.Add($"minimumDetectableEffect: is too small to detect with at most {MaxSamplePerVariant:N0} subjects per variant");
        }

        return problems;
    }
}
