namespace AutoFinance.Domain.Servicing.EarlyWarning;

/// <summary>The facts of an account's payment behaviour a behavioural score and the watch-list triggers read.</summary>
/// <param name="InstallmentsDue">Instalments due on or before the business date.</param>
/// <param name="OnTimeRatio">Share of those paid by their due date (1 when none is due yet).</param>
/// <param name="CurrentDaysPastDue">Days past due now.</param>
/// <param name="MaxDaysPastDue6Months">Most days past due of the instalments due in the last 6 months, or now.</param>
/// <param name="MaxDaysPastDue12Months">The same over 12 months.</param>
/// <param name="LateInstallments3Months">Instalments due in the last 3 months that went 1 day or more past due.</param>
/// <param name="PartialPayments12Months">Partial payments on instalments due in the last 12 months.</param>
/// <param name="LoanToValue">Current loan-to-value, when the vehicle has been valued.</param>
public sealed record BehaviourFeatures(
    int InstallmentsDue,
    decimal OnTimeRatio,
    int CurrentDaysPastDue,
    int MaxDaysPastDue6Months,
    int MaxDaysPastDue12Months,
    int LateInstallments3Months,
    int PartialPayments12Months,
    decimal? LoanToValue)
{
    /// <summary>
    /// The features on <paramref name="businessDate"/>. "The last N months" holds the instalments due after the same
    /// day N months before and on or before the business date; the on-time ratio is rounded to four decimals.
    /// </summary>
    public static BehaviourFeatures From(IEnumerable<InstallmentRecord> history, DateOnly businessDate, int currentDaysPastDue, decimal? loanToValue)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfNegative(currentDaysPastDue);
        var due = history.Where(record => record.DueDate <= businessDate).ToArray();
        IEnumerable<InstallmentRecord> Within(int months) => due.Where(record => record.DueDate > businessDate.AddMonths(-months));

        var onTime = due.Length == 0 ? 1m : Math.Round((decimal)due.Count(record => record.MaxDaysPastDue == 0) / due.Length, 4, MidpointRounding.AwayFromZero);
        return new BehaviourFeatures(
            due.Length,
            onTime,
            currentDaysPastDue,
            Math.Max(currentDaysPastDue, Within(6).Select(record => record.MaxDaysPastDue).DefaultIfEmpty(0).Max()),
            Math.Max(currentDaysPastDue, Within(12).Select(record => record.MaxDaysPastDue).DefaultIfEmpty(0).Max()),
            Within(3).Count(record => record.MaxDaysPastDue >= 1),
            Within(12).Sum(record => record.PartialPayments),
            loanToValue);
    }
}
