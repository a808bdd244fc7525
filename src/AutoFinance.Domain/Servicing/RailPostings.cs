using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Servicing;

/// <summary>
/// The posting rules of money moving through the rails (payment provider, bank statement, payouts), each one balanced
/// entry beside the loan's own payment entry (which always debits cash clearing):
/// <list type="bullet">
/// <item>provider confirmed a customer's money: Dr cash in transit / Cr cash clearing (the provider holds it until it settles);</item>
/// <item>a statement credit no loan could be matched to: Dr cash clearing / Cr suspense;</item>
/// <item>suspense assigned to a loan: Dr suspense / Cr cash clearing (the loan's payment then debits cash clearing);</item>
/// <item>suspense returned to the payer: Dr suspense / Cr cash clearing;</item>
/// <item>a loan booked on the dealer's confirmed payout: Dr loan principal receivable / Cr dealer payable, then Dr dealer payable / Cr cash clearing;</item>
/// <item>held credit of a closed loan paid back: Dr refund payable / Cr cash clearing;</item>
/// <item>a confirmed payout the payee's bank sent back: Dr cash clearing / Cr dealer payable (or refund payable): owed again.</item>
/// </list>
/// </summary>
public static class RailPostings
{
    public static JournalEntry ProviderReceipt(DateOnly businessDate, Money amount, string reference) =>
        Pair(businessDate, JournalEventKind.ProviderReceipt, $"Received through the payment provider ({reference}); in transit until it settles", amount, LedgerAccount.CashInTransit, LedgerAccount.CashClearing);

    public static JournalEntry SuspenseReceipt(DateOnly businessDate, Money amount, string entryReference) =>
        Pair(businessDate, JournalEventKind.SuspenseReceipt, $"Statement credit {entryReference} not matched to a loan: held in suspense", amount, LedgerAccount.CashClearing, LedgerAccount.Suspense);

    public static JournalEntry SuspenseAssigned(DateOnly businessDate, Money amount, string entryReference) =>
        Pair(businessDate, JournalEventKind.SuspenseAssigned, $"Statement credit {entryReference} assigned from suspense", amount, LedgerAccount.Suspense, LedgerAccount.CashClearing);

    public static JournalEntry SuspenseReturned(DateOnly businessDate, Money amount, string entryReference) =>
        Pair(businessDate, JournalEventKind.SuspenseReturned, $"Statement credit {entryReference} returned to the payer", amount, LedgerAccount.Suspense, LedgerAccount.CashClearing);

    public static JournalEntry BookedOnPayout(DateOnly businessDate, Money amount, string payoutReference) =>
        Pair(businessDate, JournalEventKind.Disbursement, $"Loan booked: the dealer's payout {payoutReference} confirmed", amount, LedgerAccount.LoanPrincipalReceivable, LedgerAccount.DealerPayable);

    public static JournalEntry DealerPaid(DateOnly businessDate, Money amount, string payoutReference) =>
        Pair(businessDate, JournalEventKind.DealerPayout, $"Paid to the dealer's settlement account ({payoutReference})", amount, LedgerAccount.DealerPayable, LedgerAccount.CashClearing);

    public static JournalEntry RefundPaid(DateOnly businessDate, Money amount, string payoutReference) =>
        Pair(businessDate, JournalEventKind.Refund, $"Credit held paid back to the customer ({payoutReference})", amount, LedgerAccount.RefundPayable, LedgerAccount.CashClearing);

    public static JournalEntry DealerPayoutReturned(DateOnly businessDate, Money amount, string payoutReference) =>
        Pair(businessDate, JournalEventKind.PayoutReturned, $"Payout {payoutReference} returned by the dealer's bank: owed to the dealer again", amount, LedgerAccount.CashClearing, LedgerAccount.DealerPayable);

    public static JournalEntry RefundReturned(DateOnly businessDate, Money amount, string payoutReference) =>
        Pair(businessDate, JournalEventKind.PayoutReturned, $"Refund {payoutReference} returned by the customer's bank: owed to the customer again", amount, LedgerAccount.CashClearing, LedgerAccount.RefundPayable);

    private static JournalEntry Pair(DateOnly businessDate, JournalEventKind kind, string description, Money amount, LedgerAccount debit, LedgerAccount credit) =>
        JournalEntry.Create(businessDate, kind, description, amount.Currency, [JournalLine.Debit(debit, amount.Amount), JournalLine.Credit(credit, amount.Amount)]);
}
