using AutoFinance.Credit.Validation;

namespace AutoFinance.Credit.Tests.Validation;

public sealed class MetricsTests
{
    private static readonly double[] Pd = [0.1, 0.4, 0.35, 0.8];
    private static readonly byte[] Bad = [0, 0, 1, 1];

    [Fact]
    public void Auc_counts_the_share_of_bad_good_pairs_ranked_right()
    {
        // Pairs (bad, good): (0.35, 0.1) right, (0.35, 0.4) wrong, (0.8, 0.1) right, (0.8, 0.4) right: 3 of 4.
        Assert.Equal(0.75, Metrics.Auc(Pd, Bad), 12);
        Assert.Equal(0.5, Metrics.Gini(0.75), 12);
    }

    [Fact]
    public void Tied_predictions_count_half()
    {
        Assert.Equal(0.5, Metrics.Auc([0.5, 0.5], [0, 1]), 12);
        Assert.Equal(0.75, Metrics.Auc([0.2, 0.5, 0.5], [0, 0, 1]), 12);
    }

    [Fact]
    public void Ks_is_the_largest_gap_between_the_cumulative_distributions()
    {
        // Ascending pd: 0.1 good (goods 1/2, bads 0) gap 0.5; 0.35 bad (1/2, 1/2) 0; 0.4 good (1, 1/2) 0.5; 0.8 bad 0.
        Assert.Equal(0.5, Metrics.Ks(Pd, Bad), 12);
        Assert.Equal(1.0, Metrics.Ks([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]), 12);
    }

    [Fact]
    public void Brier_is_the_mean_squared_error_of_the_probabilities()
    {
        // (0.1² + 0.4² + 0.65² + 0.2²) / 4 = (0.01 + 0.16 + 0.4225 + 0.04) / 4
        Assert.Equal(0.158125, Metrics.Brier(Pd, Bad), 12);
    }

    [Fact]
    public void Psi_of_a_known_shift()
    {
        // (0.6 - 0.5) ln(0.6/0.5) + (0.4 - 0.5) ln(0.4/0.5) = 0.0182322 + 0.0223144
        Assert.Equal(0.0405465, Metrics.Psi([0.5, 0.5], [0.6, 0.4]), 7);
        Assert.Equal(0, Metrics.Psi([0.3, 0.7], [0.3, 0.7]), 12);
        Assert.Equal("stable", Metrics.StabilityVerdict(0.05));
        Assert.Equal("moderate shift", Metrics.StabilityVerdict(0.2));
        Assert.Equal("significant shift", Metrics.StabilityVerdict(0.3));
    }

    [Fact]
    public void Lift_ranks_riskiest_first_and_catches_every_bad_by_the_last_decile()
    {
        var pd = Enumerable.Range(0, 100).Select(i => i / 100.0).ToArray();
        var bad = pd.Select(p => p >= 0.9 ? (byte)1 : (byte)0).ToArray();

        var lift = ValidationTables.Lift(pd, bad);

        Assert.Equal(10, lift.Count);
        Assert.Equal(10, lift[0].Bads);
        Assert.Equal(10.0, lift[0].Lift, 12);
        Assert.Equal(1.0, lift[0].CumulativeBadCapture, 12);
        Assert.Equal(1.0, lift[^1].CumulativeBadCapture, 12);
    }

    [Fact]
    public void Calibration_compares_observed_and_predicted_per_grade()
    {
        var rows = ValidationTables.Calibration(["A", "B"], [0, 0, 1, 1], [0.1, 0.3, 0.5, 0.7], [0, 1, 1, 1]);

        Assert.Equal(new Credit.Artefacts.CalibrationRow("A", 2, 1, 0.5, 0.2), rows[0]);
        Assert.Equal(2, rows[1].Bads);
        Assert.Equal(0.6, rows[1].PredictedPd, 12);
    }

    [Fact]
    public void Fairness_table_gives_approval_rates_and_the_adverse_impact_ratio()
    {
        string[] groups = ["young", "young", "young", "young", "old", "old", "old", "old"];
        double[] scores = [500, 520, 560, 580, 560, 570, 580, 590];
        byte[] bad = [1, 0, 0, 1, 0, 0, 0, 1];

        var table = Fairness.Table(groups, scores, bad, cutoff: 550);

        var old = table.Single(g => g.Group == "old");
        var young = table.Single(g => g.Group == "young");
        Assert.Equal(1.0, old.ApprovalRate);
        Assert.Equal(0.5, young.ApprovalRate);
        Assert.Equal(0.5, young.AdverseImpactRatio);
        Assert.True(young.Flagged);
        Assert.False(old.Flagged);
        Assert.Equal(0.5, young.ApprovedBadRate);
        Assert.Equal(0.25, old.ApprovedBadRate);
        Assert.Equal("25 to under 35", Fairness.Band(30, [25, 35, 50]));
        Assert.Equal("50 or more", Fairness.Band(70, [25, 35, 50]));
    }

    [Fact]
    public void Stratified_split_keeps_the_bad_rate_and_is_repeatable()
    {
        var target = Enumerable.Range(0, 1000).Select(i => i % 10 < 3 ? (byte)1 : (byte)0).ToArray();

        var (train, test) = Sampling.StratifiedSplit(target, 0.3, 42);
        var again = Sampling.StratifiedSplit(target, 0.3, 42);

        Assert.Equal(700, train.Length);
        Assert.Equal(300, test.Length);
        Assert.Equal(90, test.Count(i => target[i] == 1));
        Assert.Empty(train.Intersect(test));
        Assert.Equal(train, again.Train);
        Assert.NotEqual(train, Sampling.StratifiedSplit(target, 0.3, 7).Train);

        var folds = Sampling.StratifiedFolds(target, 5, 42);
        Assert.All(Enumerable.Range(0, 5), f => Assert.Equal(60, Enumerable.Range(0, 1000).Count(i => folds[i] == f && target[i] == 1)));
    }
}
