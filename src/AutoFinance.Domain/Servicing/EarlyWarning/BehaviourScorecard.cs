namespace AutoFinance.Domain.Servicing.EarlyWarning;

/// <summary>
/// A behavioural scorecard: 1000 points less deductions for late and partial payment and a high loan-to-value,
/// kept between 0 and 1000.
/// </summary>
/// <remarks>
/// Default deductions (configurable by <c>with</c>):
/// <list type="bullet">
/// <item>on-time ratio: 300 × (1 − ratio), rounded half away from zero;</item>
/// <item>days past due now: 1+ → 150, 31+ → 250, 61+ → 350;</item>
/// <item>worst days past due in 6 months: 1+ → 30, 8+ → 80, 31+ → 150;</item>
/// <item>worst days past due in 12 months: 1+ → 20, 31+ → 60;</item>
/// <item>partial payments in 12 months: 15 each, at most 60;</item>
/// <item>loan-to-value: above 0.8 → 20, above 1.0 → 60, above 1.2 → 120.</item>
/// </list>
/// The probability of default is 1 / (1 + odds), odds (good : bad) = 50 × 2^((points − 900) / 60): 50 : 1 at 900
/// points, doubling every 60 points (1000 → 0.6%, 700 → 16.8%, 500 → 67.0%), rounded to four decimals. It is an
/// uncalibrated ranking until fitted to the book's own outcomes.
/// </remarks>
public sealed record BehaviourScorecard
{
    public const int MaxPoints = 1000;

    public static readonly BehaviourScorecard Default = new();

    public int OnTimeWeight { get; init; } = 300;

    public IReadOnlyList<DaysPastDueBand> CurrentDaysPastDue { get; init; } = [new(1, 150), new(31, 250), new(61, 350)];

    public IReadOnlyList<DaysPastDueBand> MaxDaysPastDue6Months { get; init; } = [new(1, 30), new(8, 80), new(31, 150)];

    public IReadOnlyList<DaysPastDueBand> MaxDaysPastDue12Months { get; init; } = [new(1, 20), new(31, 60)];

    public int PointsPerPartialPayment { get; init; } = 15;

    public int MaxPartialPaymentPoints { get; init; } = 60;

    public IReadOnlyList<LoanToValueBand> LoanToValue { get; init; } = [new(0.8m, 20), new(1.0m, 60), new(1.2m, 120)];

    /// <summary>Points at which the odds are <see cref="AnchorOdds"/>.</summary>
    public int AnchorPoints { get; init; } = 900;

    public decimal AnchorOdds { get; init; } = 50m;

    /// <summary>Points that double the odds.</summary>
    public int PointsToDoubleOdds { get; init; } = 60;

    public BehaviourScore Score(BehaviourFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var deductions = new List<ScoreDeduction>();
        void Deduct(string code, int points)
        {
            if (points > 0)
            {
                deductions.Add(new ScoreDeduction(code, points));
            }
        }

        Deduct(EarlyWarningCodes.OnTimeRatio, (int)Math.Round(OnTimeWeight * (1m - features.OnTimeRatio), MidpointRounding.AwayFromZero));
        Deduct(EarlyWarningCodes.CurrentDelinquency, Band(CurrentDaysPastDue, features.CurrentDaysPastDue));
        Deduct(EarlyWarningCodes.RecentDelinquency, Band(MaxDaysPastDue6Months, features.MaxDaysPastDue6Months));
        Deduct(EarlyWarningCodes.PastDelinquency, Band(MaxDaysPastDue12Months, features.MaxDaysPastDue12Months));
        Deduct(EarlyWarningCodes.PartialPayments, Math.Min(MaxPartialPaymentPoints, PointsPerPartialPayment * features.PartialPayments12Months));
        Deduct(EarlyWarningCodes.LoanToValue, features.LoanToValue is { } ltv
            ? LoanToValue.Where(band => ltv > band.Above).Select(band => band.Points).DefaultIfEmpty(0).Max()
            : 0);

        var points = Math.Clamp(MaxPoints - deductions.Sum(d => d.Points), 0, MaxPoints);
        var ordered = deductions.OrderByDescending(d => d.Points).ThenBy(d => d.Code, StringComparer.Ordinal).ToArray();
        return new BehaviourScore(points, ProbabilityOfDefault(points), ordered);
    }

    /// <summary>The probability of default at <paramref name="points"/>: 1 / (1 + odds), to four decimals.</summary>
    public decimal ProbabilityOfDefault(int points)
    {
        var odds = (double)AnchorOdds * Math.Pow(2, (points - AnchorPoints) / (double)PointsToDoubleOdds);
        return Math.Round((decimal)(1 / (1 + odds)), 4, MidpointRounding.AwayFromZero);
    }

    private static int Band(IReadOnlyList<DaysPastDueBand> bands, int days) =>
        bands.Where(band => days >= band.MinDays).Select(band => band.Points).DefaultIfEmpty(0).Max();
}
