using AutoFinance.Application.Security;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>
/// The object-level rule of applications, in one place: staff see every application; a customer sees only their own;
/// a dealer only the ones it submitted. Anything else is "not found", so an object's existence is not given away.
/// </summary>
public static class ApplicationAccess
{
    public static bool CanRead(Actor actor, ApplicationRow row)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(row);
        return actor.Role switch
        {
            Roles.Customer => actor.CustomerId is { } customer && row.CustomerId == customer,
            Roles.Dealer => actor.DealerId is { } dealer && row.DealerId == dealer,
            _ => actor.IsStaff,
        };
    }

    public static IQueryable<ApplicationRow> Visible(IQueryable<ApplicationRow> rows, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role switch
        {
            Roles.Customer => actor.CustomerId is { } customer ? rows.Where(r => r.CustomerId == customer) : rows.Where(_ => false),
            Roles.Dealer => actor.DealerId is { } dealer ? rows.Where(r => r.DealerId == dealer) : rows.Where(_ => false),
            _ => actor.IsStaff ? rows : rows.Where(_ => false),
        };
    }

    /// <summary>
    /// Whether the actor may read the funding file of the application's contract: the staff who fund and watch it, and
    /// the dealer behind it, who is paid by it and supplies much of it (insurance, mortgage registration, GPS).
    /// </summary>
    public static bool CanSeeFunding(Actor actor, ApplicationRow row)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role is Roles.Underwriter or Roles.Manager or Roles.Admin || (actor.Role == Roles.Dealer && CanRead(actor, row));
    }

    /// <summary>Whether the actor may record the funding facts: the underwriters who fund the contract, and the dealer behind it.</summary>
    public static bool CanRecordFunding(Actor actor, ApplicationRow row)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role is Roles.Underwriter or Roles.Admin || (actor.Role == Roles.Dealer && CanRead(actor, row));
    }

    /// <summary>Whether the actor may accept an offer: the customer or the dealer behind the application.</summary>
    public static bool CanAccept(Actor actor, ApplicationRow row) =>
        actor.Role is Roles.Customer or Roles.Dealer && CanRead(actor, row);
}
