namespace AutoFinance.Insight.Churn;

/// <summary>
/// One customer seen at the start of one month: behaviour up to <see cref="AsOf"/> and, for history, whether the
/// customer left (paid off early or moved the loan elsewhere) within the following horizon.
/// </summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="AsOf">The business date the features were taken on.</param>
/// <param name="MonthsOnBook">Months since the loan was booked.</param>
/// <param name="RemainingTermMonths">Instalments left.</param>
/// <param name="RateSpread">The loan's rate less today's market rate for a similar loan, in percentage points (a refinancing incentive).</param>
/// <param name="BalanceRatio">Outstanding principal over the original principal.</param>
/// <param name="PrepaymentsLast6Months">Partial prepayments in the last 6 months.</param>
/// <param name="MissedPaymentsLast6Months">Instalments missed in the last 6 months.</param>
/// <param name="ComplaintsLast12Months">Complaints in the last 12 months.</param>
/// <param name="AppSessionsLast3Months">App or web sessions in the last 3 months.</param>
/// <param name="LastSatisfaction">The last CSAT answer, 1–5 (3 when never asked).</param>
/// <param name="LeftWithinHorizon">History only: the customer left within the horizon after <see cref="AsOf"/>.</param>
public sealed record ChurnObservation(
    string CustomerId,
    DateOnly AsOf,
    int MonthsOnBook,
    int RemainingTermMonths,
    double RateSpread,
    double BalanceRatio,
    int PrepaymentsLast6Months,
    int MissedPaymentsLast6Months,
    int ComplaintsLast12Months,
    int AppSessionsLast3Months,
    int LastSatisfaction,
    bool LeftWithinHorizon);
