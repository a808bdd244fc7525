using AutoFinance.Application.Security;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>Which loans a reader may see: every loan (staff), a customer's own, a dealer's own, or none.</summary>
internal readonly record struct LoanAudience(LoanAudience.Kind Who, Guid Owner)
{
    internal enum Kind
    {
        Nobody,
        Everyone,
        Customer,
        Dealer,
    }

    public static LoanAudience Of(Actor actor) => actor.Role switch
    {
        Roles.Customer => actor.CustomerId is { } customer ? new(Kind.Customer, customer) : default,
        Roles.Dealer => actor.DealerId is { } dealer ? new(Kind.Dealer, dealer) : default,
        _ => actor.IsStaff ? new(Kind.Everyone, Guid.Empty) : default,
    };
}
