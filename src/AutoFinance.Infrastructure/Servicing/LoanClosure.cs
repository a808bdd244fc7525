using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// The customer is told when their loan is paid in full, whether a payment, a payoff or credit applied by the daily
/// close settled it: the last receipt alone did not say the loan was finished, nor what to do about the car's
/// mortgage registration.
/// </summary>
public static class LoanClosure
{
    /// <summary>The closing notice, when the loan was active before the change and is closed after it; else none.</summary>
    public static Notice? Notice(LoanStatus before, LoanRow loan)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return before == LoanStatus.Active && loan.Status == LoanStatus.Closed && loan.ClosedOn is { } closedOn
            ? new Notice(NoticeEvent.LoanClosed, loan.CustomerId, loan.Id, loan.Id.ToString(), new Dictionary<string, object>
            {
                ["loan"] = loan.Reference,
                ["closedOn"] = closedOn,
            }) { Currency = loan.Currency }
            : null;
    }
}
