namespace AutoFinance.Application.Payments.Statements;

/// <summary>
/// A statement's amounts are booked money: whole cents (the currencies a statement line can post to keep two places),
/// so an amount finer than that is a statement the bank did not send, refused when read rather than when posted.
/// </summary>
public static class StatementAmounts
{
    public static bool IsWholeCents(decimal amount) => decimal.Round(amount, 2) == amount;
}
