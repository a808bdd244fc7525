namespace AutoFinance.Domain.Servicing;

/// <summary>What an account represents in the statements; it decides the account's normal side.</summary>
public enum AccountKind
{
    Asset,
    Liability,
    Income,
    Expense,
}
