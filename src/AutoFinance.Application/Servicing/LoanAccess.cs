using AutoFinance.Application.Security;

namespace AutoFinance.Application.Servicing;

/// <summary>Who may act on a loan: its own customer, or staff.</summary>
public static class LoanAccess
{
    public static bool MayPay(Actor actor, ServicedLoan loan)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(loan);
        return MayPay(actor, loan.CustomerId);
    }

    public static bool MayPay(Actor actor, Guid loanCustomerId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsStaff || (actor.Role == Roles.Customer && actor.CustomerId == loanCustomerId);
    }
}
