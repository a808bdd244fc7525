namespace AutoFinance.Domain.Servicing.EarlyWarning;

/// <summary>Stable codes for what lowered a behavioural score and for why an account went on the watch list.</summary>
public static class EarlyWarningCodes
{
    /// <summary>Score: instalments paid late over the life of the loan.</summary>
    public const string OnTimeRatio = "score.on-time-ratio";

    /// <summary>Score: the account is past due now.</summary>
    public const string CurrentDelinquency = "score.current-dpd";

    /// <summary>Score: the worst delinquency of the last 6 months.</summary>
    public const string RecentDelinquency = "score.max-dpd-6m";

    /// <summary>Score: the worst delinquency of the last 12 months.</summary>
    public const string PastDelinquency = "score.max-dpd-12m";

    /// <summary>Score: partial payments in the last 12 months.</summary>
    public const string PartialPayments = "score.partial-payments";

    /// <summary>Score: the loan is large against the vehicle's value.</summary>
    public const string LoanToValue = "score.ltv";

    /// <summary>Watch: repeated delinquency (by default 1+ days past due on two instalments within 3 months).</summary>
    public const string RepeatDelinquency = "watch.repeat-delinquency";

    /// <summary>Watch: loan-to-value above the limit (the vehicle no longer covers the loan).</summary>
    public const string LoanToValueHigh = "watch.ltv-high";

    /// <summary>Watch: the score fell sharply since the last one.</summary>
    public const string ScoreDrop = "watch.score-drop";

    /// <summary>Watch: the score is below the floor.</summary>
    public const string LowScore = "watch.low-score";

    /// <summary>Watch: the credit bureau reports new delinquencies elsewhere.</summary>
    public const string BureauDelinquency = "watch.bureau-delinquency";
}
