using AutoFinance.Insight.Churn;
using Xunit.Abstractions;

namespace AutoFinance.Insight.Tests.Churn;

public sealed class ChurnModelTests(ITestOutputHelper output)
{
    private static readonly DateOnly Start = new(2024, 1, 1);
    private static readonly DateOnly Cutoff = new(2025, 7, 1);

    private static readonly Lazy<(IReadOnlyList<ChurnObservation> History, ChurnTrainingResult Result)> Trained = new(() =>
    {
        var history = ChurnHistoryGenerator.Generate(customers: 700, months: 24, Start, seed: 7);
        return (history, ChurnTrainer.Train(history, Cutoff));
    });

    [Fact]
    public void Synthetic_history_is_the_same_for_the_same_seed_and_has_leavers()
    {
        var a = ChurnHistoryGenerator.Generate(50, 12, Start, seed: 3);
        var b = ChurnHistoryGenerator.Generate(50, 12, Start, seed: 3);
        Assert.Equal(a, b);
        Assert.Contains(Trained.Value.History, o => o.LeftWithinHorizon);
        Assert.Contains(Trained.Value.History, o => !o.LeftWithinHorizon);
    }

    [Fact]
    public void Model_trained_on_the_past_ranks_the_later_period_well()
    {
        var result = Trained.Value.Result;
        var e = result.Evaluation;
        output.WriteLine($"train {result.TrainRows}, test {e.Rows} ({e.Positives} left): precision {e.Precision:F3}, recall {e.Recall:F3}, F1 {e.F1:F3}, AUC {e.Auc:F3}");
        Assert.True(e.Auc > 0.6, $"AUC {e.Auc:F3}");
        Assert.InRange(e.Precision, 0.0, 1.0);
        Assert.InRange(e.Recall, 0.0, 1.0);
        Assert.InRange(e.F1, 0.0, 1.0);
        Assert.True(e.Positives > 0);
        Assert.Equal(Trained.Value.History.Count(o => o.AsOf >= Cutoff), e.Rows);
    }

    [Fact]
    public void Training_uses_only_outcomes_known_before_the_cutoff()
    {
        var result = Trained.Value.Result;
        var expected = Trained.Value.History.Count(o => o.AsOf.AddMonths(3) <= Cutoff);
        Assert.Equal(expected, result.TrainRows);
    }

    [Fact]
    public void Training_is_deterministic_for_a_fixed_seed()
    {
        var history = ChurnHistoryGenerator.Generate(200, 18, Start, seed: 11);
        var cutoff = new DateOnly(2025, 1, 1);
        var first = ChurnTrainer.Train(history, cutoff, new ChurnTrainingOptions(Trees: 20));
        var second = ChurnTrainer.Train(history, cutoff, new ChurnTrainingOptions(Trees: 20));
        Assert.Equal(first.Evaluation, second.Evaluation);
    }

    [Fact]
    public void At_risk_list_is_sorted_above_the_threshold_with_positive_reasons()
    {
        var (history, result) = Trained.Value;
        var latest = history.Where(o => o.AsOf == history.Max(h => h.AsOf)).ToArray();
        var atRisk = result.Model.AtRisk(latest);
        Assert.NotEmpty(atRisk);
        Assert.All(atRisk, a => Assert.True(a.Probability >= result.Model.Threshold));
        Assert.Equal(atRisk.OrderByDescending(a => a.Probability).Select(a => a.Probability), atRisk.Select(a => a.Probability));
        Assert.All(atRisk, a =>
        {
            Assert.InRange(a.Reasons.Count, 1, 3);
            Assert.All(a.Reasons, r => Assert.True(r.Contribution > 0));
            Assert.Equal(a.Reasons.OrderByDescending(r => r.Contribution), a.Reasons);
        });
        // The strongest driver of leaving in the synthetic history is the refinancing incentive.
        Assert.Contains(atRisk, a => a.Reasons[0].Feature == "rateSpread");
    }

    [Fact]
    public void Metrics_by_hand()
    {
        bool[] labels = [true, false, true, false, false];
        double[] p = [0.9, 0.8, 0.4, 0.4, 0.1];
        var m = BinaryMetrics.Compute(labels, p, 0.5);
        // Predicted positive: 0.9 (tp), 0.8 (fp). Missed: 0.4 (fn).
        Assert.Equal(0.5, m.Precision, 12);
        Assert.Equal(0.5, m.Recall, 12);
        Assert.Equal(0.5, m.F1, 12);
        // Pairs (positive, negative): (0.9 vs 0.8, 0.4, 0.1) = 3 wins; (0.4 vs 0.8) loss, (0.4 vs 0.4) half, (0.4 vs 0.1) win → 4.5 / 6.
        Assert.Equal(0.75, m.Auc, 12);
    }
}
