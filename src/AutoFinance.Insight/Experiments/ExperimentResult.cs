namespace AutoFinance.Insight.Experiments;

/// <summary>One treatment against the control.</summary>
/// <param name="Control">The control variant's name.</param>
/// <param name="Treatment">The treatment variant's name.</param>
/// <param name="Test">The z-test and interval.</param>
/// <param name="Significant">p-value below α (meaningful only when <see cref="ExperimentResult.IsFinal"/>).</param>
public sealed record VariantComparison(string Control, string Treatment, TwoProportionResult Test, bool Significant);

/// <summary>An experiment's read-out, flagged final only once every variant reached the planned sample size.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="RequiredSamplePerVariant">The sample size fixed up front.</param>
/// <param name="IsFinal">Every variant reached the required sample size.</param>
/// <param name="Status">"final", or "not final: n of N in the smallest variant" — an interim look, not to be acted on.</param>
/// <param name="Comparisons">Each treatment against the control.</param>
public sealed record ExperimentResult(
    string ExperimentId,
    int RequiredSamplePerVariant,
    bool IsFinal,
    string Status,
    IReadOnlyList<VariantComparison> Comparisons)
{
    /// <summary>Reads an experiment out from each variant's observed sample (keyed by variant name).</summary>
    public static ExperimentResult Analyse(ExperimentDefinition experiment, IReadOnlyDictionary<string, ProportionSample> samples)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(samples);
        var required = experiment.RequiredSamplePerVariant;
        var control = experiment.Variants[0].Name;
        var smallest = experiment.Variants.Min(v => samples.TryGetValue(v.Name, out var s) ? s.Subjects : 0);
        var isFinal = smallest >= required;
        var comparisons = experiment.Variants.Skip(1)
            .Where(v => samples.ContainsKey(v.Name) && samples.ContainsKey(control))
            .Where(v => samples[v.Name].Subjects > 0 && samples[control].Subjects > 0)
            .Select(v =>
            {
                var test = TwoProportionTest.Run(samples[control], samples[v.Name], experiment.Alpha);
                return new VariantComparison(control, v.Name, test, test.PValue < experiment.Alpha);
            })
            .ToArray();
        var status = isFinal
            ? "final"
            : FormattableString.Invariant($"not final: {smallest} of {required} subjects in the smallest variant");
        return new ExperimentResult(experiment.Id, required, isFinal, status, comparisons);
    }
}
