using AutoFinance.Insight.Experiments;

namespace AutoFinance.Insight.Tests.Experiments;

public sealed class ExperimentTests
{
    private static readonly ExperimentDefinition Refinance = new(
        "refi-sms-2026-03", [new("control", 1), new("personal-rate", 1)], "refinance accepted within 14 days", 0.10, 0.02);

    [Fact]
    public void Two_proportion_z_test_and_interval_match_hand_computation()
    {
        // 100/1000 vs 130/1000: pooled p = 0.115, SE₀ = √(0.115 × 0.885 × 0.002) = 0.0142671…, z = 0.03 / SE₀ = 2.102741;
        // p = 2(1 − Φ(2.102741)) = 0.035488; SE = √(0.09/1000 + 0.1131/1000) = 0.0142513…, CI = 0.03 ± 1.959964 × SE.
        var r = TwoProportionTest.Run(new ProportionSample(1000, 100), new ProportionSample(1000, 130));
        Assert.Equal(0.03, r.Difference, 12);
        Assert.Equal(2.102740605622114, r.Z, 9);
        Assert.Equal(0.03548845046647473, r.PValue, 7);
        Assert.Equal(0.0020679344393763656, r.ConfidenceLow, 7);
        Assert.Equal(0.057932065560623636, r.ConfidenceHigh, 7);
        Assert.Equal(0.95, r.ConfidenceLevel, 12);
    }

    [Fact]
    public void No_difference_gives_p_value_one()
    {
        var r = TwoProportionTest.Run(new ProportionSample(500, 50), new ProportionSample(500, 50));
        Assert.Equal(0, r.Z);
        Assert.Equal(1, r.PValue, 12);
        Assert.Equal(1, TwoProportionTest.Run(new ProportionSample(10, 0), new ProportionSample(10, 0)).PValue);
    }

    [Fact]
    public void Sample_size_is_computed_up_front_by_the_power_formula()
    {
        // (1.959964 × √(2 × 0.11 × 0.89) + 0.841621 × √(0.09 + 0.1056))² / 0.02² = 3840.8… → 3841.
        Assert.Equal(3841, SampleSize.PerVariant(0.10, 0.12));
        Assert.Equal(3841, Refinance.RequiredSamplePerVariant);
        Assert.True(SampleSize.PerVariant(0.10, 0.11) > 4 * 3000);
    }

    [Fact]
    public void Results_before_the_planned_sample_size_are_flagged_not_final()
    {
        var interim = ExperimentResult.Analyse(Refinance, new Dictionary<string, ProportionSample>
        {
            ["control"] = new(2000, 190),
            ["personal-rate"] = new(2010, 260),
        });
        Assert.False(interim.IsFinal);
        Assert.Equal("not final: 2000 of 3841 subjects in the smallest variant", interim.Status);
        Assert.Single(interim.Comparisons);

        var final = ExperimentResult.Analyse(Refinance, new Dictionary<string, ProportionSample>
        {
            ["control"] = new(3841, 380),
            ["personal-rate"] = new(3900, 470),
        });
        Assert.True(final.IsFinal);
        Assert.Equal("final", final.Status);
        Assert.True(final.Comparisons[0].Significant);
    }

    [Fact]
    public void Assignment_is_stable_and_independent_of_call_order()
    {
        var first = Enumerable.Range(0, 200).Select(i => VariantAssigner.Assign(Refinance, $"C{i}").Name).ToArray();
        var again = Enumerable.Range(0, 200).Reverse().Select(i => VariantAssigner.Assign(Refinance, $"C{i}").Name).Reverse().ToArray();
        Assert.Equal(first, again);
        // Pinned: the hash is SHA-256 and must never change, or running experiments would reshuffle.
        Assert.Equal(VariantAssigner.Point("refi-sms-2026-03", "C1"), VariantAssigner.Point("refi-sms-2026-03", "C1"));
        Assert.NotEqual(VariantAssigner.Point("refi-sms-2026-03", "C1"), VariantAssigner.Point("other", "C1"));
    }

    [Fact]
    public void Assignment_is_roughly_proportional_to_weights()
    {
        var experiment = Refinance with { Variants = [new("control", 1), new("a", 3), new("b", 6)] };
        var counts = Enumerable.Range(0, 20_000).GroupBy(i => VariantAssigner.Assign(experiment, $"subject-{i}").Name)
            .ToDictionary(g => g.Key, g => g.Count() / 20_000.0);
        Assert.InRange(counts["control"], 0.09, 0.11);
        Assert.InRange(counts["a"], 0.28, 0.32);
        Assert.InRange(counts["b"], 0.58, 0.62);
    }

    [Fact]
    public void Invalid_definitions_name_every_problem()
    {
        var bad = new ExperimentDefinition("", [new("only", 0)], "m", 1.2, 0, Alpha: 0, Power: 1);
        var problems = bad.Validate();
        Assert.Contains("id: required", problems);
        Assert.Contains(problems, p => p.StartsWith("variants:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("baselineRate:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("alpha:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("power:", StringComparison.Ordinal));
        Assert.Empty(Refinance.Validate());
    }

    [Fact]
    public void A_power_alpha_arm_count_or_weight_no_experiment_worth_running_would_use_is_refused()
    {
        var arms = Enumerable.Range(0, 11).Select(i => new ExperimentVariant($"v{i}", 1)).ToArray();
        var problems = new ExperimentDefinition("x", arms, "m", 0.1, 0.02, Alpha: 0.5, Power: 0.01).Validate();
        Assert.Contains(problems, p => p.StartsWith("variants: from two to 10", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("alpha: must lie between 0.001 and 0.2", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("power: must lie between 0.5 and 0.99", StringComparison.Ordinal));
        var heavy = new ExperimentDefinition("x", [new("control", 1), new("treatment", 2_147_483_647)], "m", 0.1, 0.02).Validate();
        Assert.Contains(heavy, p => p.StartsWith("variants: every weight must be above 0 and at most 1000", StringComparison.Ordinal));
    }

    [Fact]
    public void An_effect_too_small_to_detect_is_refused_not_thrown_on()
    {
        // 1e-28 vanishes against the baseline in double arithmetic; 1e-9 would need ~10^17 subjects per variant.
        foreach (var effect in new[] { 1e-28, 1e-9 })
        {
            var tiny = Refinance with { MinimumDetectableEffect = effect };
            Assert.Contains(tiny.Validate(), p => p.StartsWith("minimumDetectableEffect:", StringComparison.Ordinal));
        }

        Assert.Throws<ArgumentException>(() => SampleSize.PerVariant(0.10, 0.10 + 1e-9));
        Assert.Equal(double.PositiveInfinity, SampleSize.Unrounded(0.10, 0.10));
    }
}
