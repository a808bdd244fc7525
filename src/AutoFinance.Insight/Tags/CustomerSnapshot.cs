namespace AutoFinance.Insight.Tags;

/// <summary>The facts tags are computed from: one customer on one business date.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="AsOf">The business date the facts hold on.</param>
/// <param name="OwnsNewEnergyVehicle">A financed vehicle is battery-electric or plug-in hybrid.</param>
/// <param name="PaymentsMade">Instalments paid so far.</param>
/// <param name="PaymentsEarly">Of those, instalments paid before their due date.</param>
/// <param name="MaxBucketLast6Months">Worst delinquency bucket in the last 6 months (0 current, 1 for 1–30 days past due, 2 for 31–60 …).</param>
/// <param name="CurrentLoanToValue">Outstanding balance over the vehicle's current value (0.85 = 85%).</param>
/// <param name="ActiveLoans">Loans open today.</param>
/// <param name="ComplaintsLast12Months">Complaints opened in the last 12 months.</param>
/// <param name="DigitalSessionsLast3Months">App or web sessions in the last 3 months.</param>
/// <param name="MonthsToMaturity">Months until the latest open loan's final instalment; null with no open loan.</param>
public sealed record CustomerSnapshot(
    string CustomerId,
    DateOnly AsOf,
    bool OwnsNewEnergyVehicle,
    int PaymentsMade,
    int PaymentsEarly,
    int MaxBucketLast6Months,
    decimal CurrentLoanToValue,
    int ActiveLoans,
    int ComplaintsLast12Months,
    int DigitalSessionsLast3Months,
    int? MonthsToMaturity);
