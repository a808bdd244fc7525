namespace AutoFinance.Domain.Servicing;

/// <summary>Facts about the chart of accounts: each account's kind and normal side.</summary>
public static class LedgerAccounts
{
    /// <summary>Every account of the chart, in declaration order.</summary>
    public static IReadOnlyList<LedgerAccount> All { get; } = Enum.GetValues<LedgerAccount>();

    public static AccountKind Kind(this LedgerAccount account) => account switch
    {
        LedgerAccount.LoanPrincipalReceivable
            or LedgerAccount.InterestReceivable
            or LedgerAccount.FeeReceivable
            or LedgerAccount.PenaltyInterestReceivable
            or LedgerAccount.CashClearing
            or LedgerAccount.CashInTransit => AccountKind.Asset,
        LedgerAccount.InterestIncome or LedgerAccount.FeeIncome or LedgerAccount.PenaltyIncome => AccountKind.Income,
        LedgerAccount.Suspense or LedgerAccount.CustomerOverpayment or LedgerAccount.RefundPayable or LedgerAccount.DealerPayable => AccountKind.Liability,
        LedgerAccount.WriteOffExpense => AccountKind.Expense,
        _ => throw new ArgumentOutOfRangeException(nameof(account), account, "Not an account of the chart."),
    };

    /// <summary>Debit for assets and expenses, credit for liabilities and income.</summary>
    public static EntrySide NormalSide(this LedgerAccount account) =>
        account.Kind() is AccountKind.Asset or AccountKind.Expense ? EntrySide.Debit : EntrySide.Credit;
}
