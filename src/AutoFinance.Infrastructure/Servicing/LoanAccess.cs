using AutoFinance.Application.Security;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>Who may act on a loan: its own customer, or staff.</summary>
public static class LoanAccess
{
    public static bool MayPay(Actor actor, LoanRow loan)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(loan);
        return actor.IsStaff || (actor.Role == Roles.Customer && actor.CustomerId == loan.CustomerId);
    }
}
