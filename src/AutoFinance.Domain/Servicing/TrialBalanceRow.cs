namespace AutoFinance.Domain.Servicing;

/// <summary>One account of a trial balance: its balance in the debit or the credit column (the other is zero).</summary>
public readonly record struct TrialBalanceRow(LedgerAccount Account, decimal Debit, decimal Credit);
