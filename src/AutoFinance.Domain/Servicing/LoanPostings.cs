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

    /// <summary>A fee recognised that a payoff dated before its instalment fell due does not keep: Dr fee income / Cr fee receivable.</summary>
    public static JournalEntry FeeReversal(DateOnly businessDate, Money amount, string description = "Fee taken back") =>
        Pair(businessDate, JournalEventKind.FeeReversal, description, amount, LedgerAccount.FeeIncome, LedgerAccount.FeeReceivable);

    /// <summary>Late charges waived: Dr penalty income / Cr penalty interest receivable, and Dr fee income / Cr fee receivable, for what each waives.</summary>
    public static JournalEntry ChargesWaived(DateOnly businessDate, Currency currency, decimal penalty, decimal lateFees, string description) =>
        ChargesTakenBack(businessDate, JournalEventKind.ChargesWaived, currency, penalty, lateFees, description);

    /// <summary>
    /// Late charges taken back because a payment's value date avoids them (closes made them before the payment was
    /// posted), with the lines of a waiver. A correction of charges made in error, not a concession.
    /// </summary>
    public static JournalEntry LateChargesCorrected(DateOnly businessDate, Currency currency, decimal penalty, decimal lateFees, string description) =>
        ChargesTakenBack(businessDate, JournalEventKind.LateChargesCorrected, currency, penalty, lateFees, description);

    private static JournalEntry ChargesTakenBack(DateOnly businessDate, JournalEventKind kind, Currency currency, decimal penalty, decimal lateFees, string description)
    {
        var lines = new List<JournalLine>();
        if (penalty > 0m)
        {
            lines.Add(JournalLine.Debit(LedgerAccount.PenaltyIncome, penalty));
            lines.Add(JournalLine.Credit(LedgerAccount.PenaltyInterestReceivable, penalty));
        }

        if (lateFees > 0m)
        {
            lines.Add(JournalLine.Debit(LedgerAccount.FeeIncome, lateFees));
            lines.Add(JournalLine.Credit(LedgerAccount.FeeReceivable, lateFees));
        }

        return JournalEntry.Create(businessDate, kind, description, currency, lines);
    }

    /// <summary>Dr penalty interest receivable / Cr penalty income.</summary>
    public static JournalEntry PenaltyAccrual(DateOnly businessDate, Money amount, string description = "Penalty interest accrued") =>
        Pair(businessDate, JournalEventKind.PenaltyAccrual, description, amount, LedgerAccount.PenaltyInterestReceivable, LedgerAccount.PenaltyIncome);

    /// <summary>
    /// Dr cash clearing for the whole payment / Cr each receivable for what the allocation settled on it, and
    /// Cr customer overpayment for what was left over.
    /// </summary>
    public static JournalEntry Payment(DateOnly businessDate, Allocation allocation, string description = "Payment received") =>
        Payment(businessDate, allocation, 0m, description);

    /// <summary>
    /// As <see cref="Payment(DateOnly, Allocation, string)"/>, with <paramref name="prepaid"/> of the overpayment
    /// applied to principal not yet due (a prepayment) instead of held.
    /// </summary>
    public static JournalEntry Payment(DateOnly businessDate, Allocation allocation, decimal prepaid, string description) =>
        Payment(businessDate, allocation, prepaid, 0m, description);

    /// <summary>
    /// As <see cref="Payment(DateOnly, Allocation, decimal, string)"/>, with <paramref name="prepaymentFee"/> of the
    /// overpayment taken as the product's prepayment fee (Cr fee income) and <paramref name="prepaid"/> applied to principal.
    /// </summary>
    public static JournalEntry Payment(DateOnly businessDate, Allocation allocation, decimal prepaid, decimal prepaymentFee, string description)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        if (prepaid < 0m || prepaymentFee < 0m || prepaid + prepaymentFee > allocation.Overpayment)
        {
            throw new ArgumentOutOfRangeException(nameof(prepaid), prepaid, "The prepayment and its fee come out of the overpayment.");
        }

        var lines = new List<JournalLine> { JournalLine.Debit(LedgerAccount.CashClearing, allocation.Payment.Amount) };
        AddCredit(lines, LedgerAccount.FeeReceivable, allocation.Total(DueComponent.Fee));
        AddCredit(lines, LedgerAccount.PenaltyInterestReceivable, allocation.Total(DueComponent.PenaltyInterest));
        AddCredit(lines, LedgerAccount.InterestReceivable, allocation.Total(DueComponent.Interest));
        AddCredit(lines, LedgerAccount.LoanPrincipalReceivable, allocation.Total(DueComponent.Principal) + prepaid);
        AddCredit(lines, LedgerAccount.FeeIncome, prepaymentFee);
        AddCredit(lines, LedgerAccount.CustomerOverpayment, allocation.Overpayment - prepaid - prepaymentFee);
        return JournalEntry.Create(businessDate, JournalEventKind.Payment, description, allocation.Currency, lines);
    }

    /// <summary>Held credit applied to what fell due: Dr customer overpayment / Cr each receivable the allocation settled.</summary>
    public static JournalEntry CreditApplied(DateOnly businessDate, Allocation allocation, string description = "Held credit applied")
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var lines = new List<JournalLine> { JournalLine.Debit(LedgerAccount.CustomerOverpayment, allocation.Allocated) };
        AddCredit(lines, LedgerAccount.FeeReceivable, allocation.Total(DueComponent.Fee));
        AddCredit(lines, LedgerAccount.PenaltyInterestReceivable, allocation.Total(DueComponent.PenaltyInterest));
        AddCredit(lines, LedgerAccount.InterestReceivable, allocation.Total(DueComponent.Interest));
        AddCredit(lines, LedgerAccount.LoanPrincipalReceivable, allocation.Total(DueComponent.Principal));
        return JournalEntry.Create(businessDate, JournalEventKind.CreditApplied, description, allocation.Currency, lines);
    }

    /// <summary>Credit left when a loan closes, owed back to the customer: Dr customer overpayment / Cr refund payable.</summary>
    public static JournalEntry Refund(DateOnly businessDate, Money amount, string description = "Credit held at closing owed back") =>
        Pair(businessDate, JournalEventKind.Refund, description, amount, LedgerAccount.CustomerOverpayment, LedgerAccount.RefundPayable);

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

    /// <summary>
    /// Dr cash clearing for what is paid now and Dr customer overpayment for the credit the customer already held /
    /// Cr each receivable the allocation settled (a payoff; nothing is left over).
    /// </summary>
    public static JournalEntry Payoff(DateOnly businessDate, Allocation allocation, decimal creditUsed, string description = "Paid off")
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var lines = new List<JournalLine> { JournalLine.Debit(LedgerAccount.CashClearing, allocation.Payment.Amount - creditUsed) };
        if (creditUsed != 0m)
        {
            lines.Add(JournalLine.Debit(LedgerAccount.CustomerOverpayment, creditUsed));
        }

        AddCredit(lines, LedgerAccount.FeeReceivable, allocation.Total(DueComponent.Fee));
        AddCredit(lines, LedgerAccount.PenaltyInterestReceivable, allocation.Total(DueComponent.PenaltyInterest));
        AddCredit(lines, LedgerAccount.InterestReceivable, allocation.Total(DueComponent.Interest));
        AddCredit(lines, LedgerAccount.LoanPrincipalReceivable, allocation.Total(DueComponent.Principal));
        return JournalEntry.Create(businessDate, JournalEventKind.Payoff, description, allocation.Currency, lines.Where(l => l.Amount != 0m));
    }

    /// <summary>Interest added to principal by a restructure: Dr loan principal receivable / Cr interest receivable.</summary>
    public static JournalEntry Capitalisation(DateOnly businessDate, Money amount, string description = "Interest capitalised") =>
        Pair(businessDate, JournalEventKind.Capitalisation, description, amount, LedgerAccount.LoanPrincipalReceivable, LedgerAccount.InterestReceivable);

    /// <summary>Interest accrued that a restructure takes back (the new schedule charges it again): Dr interest income / Cr interest receivable.</summary>
    public static JournalEntry InterestReversal(DateOnly businessDate, Money amount, string description = "Accrued interest reversed") =>
        Pair(businessDate, JournalEventKind.InterestReversal, description, amount, LedgerAccount.InterestIncome, LedgerAccount.InterestReceivable);

    /// <summary>The exact opposite of <paramref name="original"/>: every line on the other side.</summary>
    public static JournalEntry Reversal(DateOnly businessDate, JournalEntry original, string description)
    {
        ArgumentNullException.ThrowIfNull(original);
        return JournalEntry.Create(
            businessDate,
            JournalEventKind.PaymentReversal,
            description,
            original.Currency,
            original.Lines.Select(l => new JournalLine(l.Account, l.Side == EntrySide.Debit ? EntrySide.Credit : EntrySide.Debit, l.Amount)));
    }

    /// <summary>
    /// What moves when <paramref name="before"/> is replaced by <paramref name="after"/>: both netted per account,
    /// so equal lines (the same cash) cancel; null when nothing moves.
    /// </summary>
    public static JournalEntry? Restatement(DateOnly businessDate, JournalEntry before, JournalEntry after, string description)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var net = new SortedDictionary<LedgerAccount, decimal>();
        foreach (var line in after.Lines)
        {
            net[line.Account] = net.GetValueOrDefault(line.Account) + line.SignedAmount;
        }

        foreach (var line in before.Lines)
        {
            net[line.Account] = net.GetValueOrDefault(line.Account) - line.SignedAmount;
        }

        var lines = net.Where(p => p.Value != 0m)
            .Select(p => p.Value > 0m ? JournalLine.Debit(p.Key, p.Value) : JournalLine.Credit(p.Key, -p.Value))
            .ToList();
        return lines.Count == 0 ? null : JournalEntry.Create(businessDate, JournalEventKind.Reallocation, description, after.Currency, lines);
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
