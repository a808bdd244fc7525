namespace AutoFinance.Insight.Lifecycle;

/// <summary>The facts a lifecycle stage is read from.</summary>
/// <param name="MonthsSinceFirstLoan">Whole months since the first loan was booked; null if the customer has none yet.</param>
/// <param name="ActiveLoans">Loans open today.</param>
/// <param name="ClosedLoans">Loans repaid or otherwise closed.</param>
/// <param name="MonthsSinceLastActivity">Whole months since the last payment, application, login or contact.</param>
/// <param name="MonthsSinceLatestLoan">Whole months since the most recent loan was booked; null if none.</param>
public sealed record LifecycleFacts(
    int? MonthsSinceFirstLoan,
    int ActiveLoans,
    int ClosedLoans,
    int MonthsSinceLastActivity,
    int? MonthsSinceLatestLoan);
