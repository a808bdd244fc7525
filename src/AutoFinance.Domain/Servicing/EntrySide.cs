namespace AutoFinance.Domain.Servicing;

/// <summary>The side of a journal line, and the side on which an account normally carries its balance.</summary>
public enum EntrySide
{
    Debit,
    Credit,
}
