namespace AutoFinance.Domain.Servicing;

/// <summary>The receivables a write-off gives up, by component.</summary>
public readonly record struct WriteOffAmounts(decimal Principal, decimal Interest, decimal Fee, decimal PenaltyInterest)
{
    public decimal Total => Principal + Interest + Fee + PenaltyInterest;

    /// <summary>Every receivable still carried in the balances (a receivable in credit is not written off).</summary>
    public static WriteOffAmounts Outstanding(Balances balances)
    {
        ArgumentNullException.ThrowIfNull(balances);
        return new(
            Math.Max(0m, balances.Of(LedgerAccount.LoanPrincipalReceivable)),
            Math.Max(0m, balances.Of(LedgerAccount.InterestReceivable)),
            Math.Max(0m, balances.Of(LedgerAccount.FeeReceivable)),
            Math.Max(0m, balances.Of(LedgerAccount.PenaltyInterestReceivable)));
    }
}
