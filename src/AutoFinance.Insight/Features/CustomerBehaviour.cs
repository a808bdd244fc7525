namespace AutoFinance.Insight.Features;

/// <summary>
/// The behaviour and value features segmentation works on, one customer, as the storage layer computes them.
/// </summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="TotalFinanced">Everything the customer has borrowed, in the book's currency.</param>
/// <param name="LoanCount">Loans ever taken.</param>
/// <param name="MonthsAsCustomer">Months since the first loan was booked.</param>
/// <param name="AverageDaysEarly">Mean days a payment arrived before its due date (negative: after it).</param>
/// <param name="MissedPayments12m">Instalments missed in the last 12 months.</param>
/// <param name="DigitalSessions3m">App or web sessions in the last 3 months.</param>
public sealed record CustomerBehaviour(
    string CustomerId,
    decimal TotalFinanced,
    int LoanCount,
    int MonthsAsCustomer,
    double AverageDaysEarly,
    int MissedPayments12m,
    int DigitalSessions3m)
{
    /// <summary>The feature vector's names, in the order of <see cref="ToVector"/>.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
        ["totalFinanced", "loanCount", "monthsAsCustomer", "averageDaysEarly", "missedPayments12m", "digitalSessions3m"];

    /// <summary>The features as numbers, in the order of <see cref="FeatureNames"/>.</summary>
    public double[] ToVector() =>
        [(double)TotalFinanced, LoanCount, MonthsAsCustomer, AverageDaysEarly, MissedPayments12m, DigitalSessions3m];
}
