namespace AutoFinance.Domain.Servicing.EarlyWarning;

/// <summary>
/// The early-warning triggers that put an account on the watch list. Every trigger that fires is a reason.
/// </summary>
/// <remarks>
/// Defaults, in the order reasons are listed:
/// <list type="number">
/// <item>repeat delinquency: at least 2 instalments due in the last 3 months went 1+ days past due;</item>
/// <item>loan-to-value above 1.2 (the vehicle covers less than 83% of the loan);</item>
/// <item>score drop: more than 100 points below the previous score;</item>
/// <item>low score: below 500 points (off when null);</item>
/// <item>bureau: the credit bureau reports at least one new delinquency elsewhere.</item>
/// </list>
/// </remarks>
public sealed record WatchListRules
{
    public static readonly WatchListRules Default = new();

    public int RepeatDelinquencies { get; init; } = 2;

    public decimal MaxLoanToValue { get; init; } = 1.2m;

    public int MaxScoreDrop { get; init; } = 100;

    public int? MinScore { get; init; } = 500;

    public WatchListDecision Evaluate(BehaviourFeatures features, BehaviourScore score, int? previousScore = null, int bureauNewDelinquencies = 0)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(score);
        var reasons = new List<string>();
        if (features.LateInstallments3Months >= RepeatDelinquencies)
        {
            reasons.Add(EarlyWarningCodes.RepeatDelinquency);
        }

        if (features.LoanToValue > MaxLoanToValue)
        {
            reasons.Add(EarlyWarningCodes.LoanToValueHigh);
        }

        if (previousScore - score.Points > MaxScoreDrop)
        {
            reasons.Add(EarlyWarningCodes.ScoreDrop);
        }

        if (score.Points < MinScore)
        {
            reasons.Add(EarlyWarningCodes.LowScore);
        }

        if (bureauNewDelinquencies > 0)
        {
            reasons.Add(EarlyWarningCodes.BureauDelinquency);
        }

        return new WatchListDecision(reasons);
    }
}
