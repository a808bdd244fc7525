namespace AutoFinance.Domain.Servicing;

/// <summary>The chart of accounts of a car-loan book. <see cref="LedgerAccounts.NormalSide"/> gives each account's normal side.</summary>
public enum LedgerAccount
{
    /// <summary>Asset: principal lent and not yet repaid.</summary>
    LoanPrincipalReceivable,

    /// <summary>Asset: contractual interest accrued and not yet paid.</summary>
    InterestReceivable,

    /// <summary>Asset: fees due and not yet paid.</summary>
    FeeReceivable,

    /// <summary>Asset: penalty (default) interest accrued and not yet paid.</summary>
    PenaltyInterestReceivable,

    /// <summary>Asset: cash paid out or received, on its way to or from the bank.</summary>
    CashClearing,

    /// <summary>Income: contractual interest earned.</summary>
    InterestIncome,

    /// <summary>Income: fees earned.</summary>
    FeeIncome,

    /// <summary>Income: penalty interest earned.</summary>
    PenaltyIncome,

    /// <summary>Liability: money received that cannot yet be applied to a loan.</summary>
    Suspense,

    /// <summary>Expense: receivables given up as uncollectable.</summary>
    WriteOffExpense,

    /// <summary>Liability: money the customer paid beyond what was due, owed back or held for later dues.</summary>
    CustomerOverpayment,

    /// <summary>Liability: credit a customer held when the loan closed, owed back until it is paid out.</summary>
    RefundPayable,

    /// <summary>Asset: money a payment provider has confirmed from a customer and holds until it settles to the bank.</summary>
    CashInTransit,

    /// <summary>Liability: the price of a financed car owed to the dealer until the payout to its settlement account is confirmed.</summary>
    DealerPayable,
}
