using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Servicing;

/// <summary>
/// The posting rules of a car loan: the balanced entry each servicing event makes. Amounts are whole minor units;
/// zero parts make no line.
/// </summary>
public static class LoanPostings
{
    /// <summary>Dr loan principal receivable / Cr cash clearing.</summary>
    public static JournalEntry Disbursement(DateOnly businessDate, Money amount, string description = "Loan disbursed") =>
        Pair(businessDate, JournalEventKind.Disbursement, description, amount, LedgerAccount.LoanPrincipalReceivable, LedgerAccount.CashClearing);

    /// <summary>Dr interest receivable / Cr interest income.</summary>
    public static JournalEntry InterestAccrual(DateOnly businessDate, Money amount, string description = "Interest accrued") =>
        Pair(businessDate, JournalEventKind.InterestAccrual, description, amount, LedgerAccount.InterestReceivable, LedgerAccount.InterestIncome);

    /// <summary>Dr fee receivable / Cr fee income.</summary>
    public static JournalEntry FeeDue(DateOnly businessDate, Money amount, string description = "Fee due") =>
        Pair(businessDate, JournalEventKind.FeeDue, description, amount, LedgerAccount.FeeReceivable, LedgerAccount.FeeIncome);

    /// <summary>Dr penalty interest receivable / Cr penalty income.</summary>
    public static JournalEntry PenaltyAccrual(DateOnly businessDate, Money amount, string description = "Penalty interest accrued") =>
        Pair(businessDate, JournalEventKind.PenaltyAccrual, description, amount, LedgerAccount.PenaltyInterestReceivable, LedgerAccount.PenaltyIncome);

    /// <summary>
    /// Dr cash clearing for the whole payment / Cr each receivable for what the allocation settled on it, and
    /// Cr customer overpayment for what was left over.
    /// </summary>
    public static JournalEntry Payment(DateOnly businessDate, Allocation allocation, string description = "Payment received")
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var lines = new List<JournalLine> { JournalLine.Debit(LedgerAccount.CashClearing, allocation.Payment.Amount) };
        AddCredit(lines, LedgerAccount.FeeReceivable, allocation.Total(DueComponent.Fee));
        AddCredit(lines, LedgerAccount.PenaltyInterestReceivable, allocation.Total(DueComponent.PenaltyInterest));
        AddCredit(lines, LedgerAccount.InterestReceivable, allocation.Total(DueComponent.Interest));
        AddCredit(lines, LedgerAccount.LoanPrincipalReceivable, allocation.Total(DueComponent.Principal));
        AddCredit(lines, LedgerAccount.CustomerOverpayment, allocation.Overpayment);
        return JournalEntry.Create(businessDate, JournalEventKind.Payment, description, allocation.Currency, lines);
    }

    /// <summary>Dr write-off expense for the total / Cr each receivable written off.</summary>
    public static JournalEntry WriteOff(DateOnly businessDate, Currency currency, WriteOffAmounts amounts, string description = "Written off")
    {
        var lines = new List<JournalLine>();
        AddCredit(lines, LedgerAccount.LoanPrincipalReceivable, amounts.Principal);
        AddCredit(lines, LedgerAccount.InterestReceivable, amounts.Interest);
        AddCredit(lines, LedgerAccount.FeeReceivable, amounts.Fee);
        AddCredit(lines, LedgerAccount.PenaltyInterestReceivable, amounts.PenaltyInterest);
        lines.Insert(0, JournalLine.Debit(LedgerAccount.WriteOffExpense, amounts.Total));
        return JournalEntry.Create(businessDate, JournalEventKind.WriteOff, description, currency, lines);
    }

    /// <summary>Writes off every receivable still carried in <paramref name="balances"/>.</summary>
    public static JournalEntry WriteOffOutstanding(DateOnly businessDate, Balances balances, string description = "Written off")
    {
        ArgumentNullException.ThrowIfNull(balances);
        return WriteOff(businessDate, balances.Currency, WriteOffAmounts.Outstanding(balances), description);
    }

    private static JournalEntry Pair(DateOnly businessDate, JournalEventKind kind, string description, Money amount, LedgerAccount debit, LedgerAccount credit) =>
        JournalEntry.Create(businessDate, kind, description, amount.Currency, [JournalLine.Debit(debit, amount.Amount), JournalLine.Credit(credit, amount.Amount)]);

    private static void AddCredit(List<JournalLine> lines, LedgerAccount account, decimal amount)
    {
        if (amount != 0m)
        {
            lines.Add(JournalLine.Credit(account, amount));
        }
    }
}
