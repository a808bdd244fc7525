using AutoFinance.Domain.Servicing.EarlyWarning;

namespace AutoFinance.Domain.Tests.Servicing.EarlyWarning;

public class EarlyWarningTests
{
    private static readonly DateOnly Today = new(2026, 12, 20);

    /// <summary>Twelve monthly instalments due on the 10th of 2026, with the given days past due reached (by month) and partial payments.</summary>
    private static InstallmentRecord[] History(Dictionary<int, int> lateByMonth, Dictionary<int, int>? partialByMonth = null) =>
        Enumerable.Range(1, 12)
            .Select(month => new InstallmentRecord(month, new DateOnly(2026, month, 10), lateByMonth.GetValueOrDefault(month), partialByMonth?.GetValueOrDefault(month) ?? 0))
            .ToArray();

    [Fact]
    public void A_clean_account_scores_1000_with_nothing_taken_off()
    {
        var features = BehaviourFeatures.From(History([]), Today, 0, 0.7m);
        var score = BehaviourScorecard.Default.Score(features);

        Assert.Equal(12, features.InstallmentsDue);
        Assert.Equal(1m, features.OnTimeRatio);
        Assert.Equal(1000, score.Points);
        Assert.Empty(score.Deductions);
        Assert.Equal(0.0063m, score.ProbabilityOfDefault); // odds 50 × 2^(100/60) = 158.7 : 1
        Assert.False(WatchListRules.Default.Evaluate(features, score).OnWatch);
    }

    [Fact]
    public void A_troubled_account_loses_points_for_each_reason_and_goes_on_watch_for_each_trigger()
    {
        // June 40 days late, November 5, December unpaid and 10 days past due now; two partial payments in October; LTV 1.25.
        var features = BehaviourFeatures.From(History(new() { [6] = 40, [11] = 5, [12] = 10 }, new() { [10] = 2 }), Today, 10, 1.25m);

        Assert.Equal(0.75m, features.OnTimeRatio);
        Assert.Equal(10, features.MaxDaysPastDue6Months);   // July–December
        Assert.Equal(40, features.MaxDaysPastDue12Months);
        Assert.Equal(2, features.LateInstallments3Months);  // November and December
        Assert.Equal(2, features.PartialPayments12Months);

        var score = BehaviourScorecard.Default.Score(features);
        // 1000 − (150 now + 120 LTV + 75 on-time + 80 six months + 60 twelve months + 30 partial) = 485.
        Assert.Equal(485, score.Points);
        Assert.Equal(
            [
                new ScoreDeduction(EarlyWarningCodes.CurrentDelinquency, 150),
                new ScoreDeduction(EarlyWarningCodes.LoanToValue, 120),
                new ScoreDeduction(EarlyWarningCodes.RecentDelinquency, 80),
                new ScoreDeduction(EarlyWarningCodes.OnTimeRatio, 75),
                new ScoreDeduction(EarlyWarningCodes.PastDelinquency, 60),
                new ScoreDeduction(EarlyWarningCodes.PartialPayments, 30),
            ],
            score.Deductions);
        Assert.Equal(0.7073m, score.ProbabilityOfDefault);

        var decision = WatchListRules.Default.Evaluate(features, score, previousScore: 700, bureauNewDelinquencies: 1);
        Assert.True(decision.OnWatch);
        Assert.Equal(
            [EarlyWarningCodes.RepeatDelinquency, EarlyWarningCodes.LoanToValueHigh, EarlyWarningCodes.ScoreDrop, EarlyWarningCodes.LowScore, EarlyWarningCodes.BureauDelinquency],
            decision.Reasons);
    }

    [Fact]
    public void Windows_hold_instalments_due_after_the_same_day_n_months_before()
    {
        // Due 20 June is exactly 6 months before: outside the 6-month window, inside the 12-month one.
        InstallmentRecord[] history = [new(1, new DateOnly(2026, 6, 20), 45), new(2, new DateOnly(2026, 9, 20), 0), new(3, new DateOnly(2026, 9, 21), 3)];
        var features = BehaviourFeatures.From(history, Today, 0, null);

        Assert.Equal(3, features.MaxDaysPastDue6Months);
        Assert.Equal(45, features.MaxDaysPastDue12Months);
        Assert.Equal(1, features.LateInstallments3Months);
    }

    [Fact]
    public void Thresholds_are_strict_where_the_rule_says_above()
    {
        var features = BehaviourFeatures.From(History(new() { [12] = 1 }), Today, 0, 1.2m);
        var score = BehaviourScorecard.Default.Score(features);

        Assert.DoesNotContain(EarlyWarningCodes.LoanToValueHigh, WatchListRules.Default.Evaluate(features, score).Reasons);
        Assert.DoesNotContain(EarlyWarningCodes.ScoreDrop, WatchListRules.Default.Evaluate(features, score, previousScore: score.Points + 100).Reasons);
        Assert.Contains(EarlyWarningCodes.ScoreDrop, WatchListRules.Default.Evaluate(features, score, previousScore: score.Points + 101).Reasons);
        Assert.Contains(EarlyWarningCodes.LoanToValueHigh, (WatchListRules.Default with { MaxLoanToValue = 1.1m }).Evaluate(features, score).Reasons);
    }

    [Fact]
    public void No_history_yet_counts_as_on_time_and_the_score_never_goes_below_zero()
    {
        Assert.Equal(1m, BehaviourFeatures.From([], Today, 0, null).OnTimeRatio);

        var harsh = BehaviourScorecard.Default with { OnTimeWeight = 5_000 };
        var score = harsh.Score(BehaviourFeatures.From(History(new() { [12] = 90 }), Today, 90, 2m));
        Assert.Equal(0, score.Points);
        Assert.True(score.ProbabilityOfDefault > 0.99m);
    }
}
