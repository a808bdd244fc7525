using System.Security.Claims;
using AutoFinance.Application.Security;

namespace AutoFinance.Web.Auth;

/// <summary>Carries an <see cref="Actor"/> in a claims principal and back.</summary>
public static class ActorClaims
{
    private const string UserIdClaim = "af:user";
    private const string DealerIdClaim = "af:dealer";
    private const string CustomerIdClaim = "af:customer";

    public static ClaimsPrincipal ToPrincipal(Actor actor, string scheme)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var claims = new List<Claim> { new(ClaimTypes.Role, actor.Role), new(ClaimTypes.Name, actor.Name) };
        if (actor.UserId is { } user)
        {
            claims.Add(new Claim(UserIdClaim, user.ToString()));
        }

        if (actor.DealerId is { } dealer)
        {
            claims.Add(new Claim(DealerIdClaim, dealer.ToString()));
        }

        if (actor.CustomerId is { } customer)
        {
            claims.Add(new Claim(CustomerIdClaim, customer.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return new Actor(
            principal.FindFirstValue(ClaimTypes.Role) ?? "anonymous",
            Guid.TryParse(principal.FindFirstValue(UserIdClaim), out var user) ? user : null,
            Guid.TryParse(principal.FindFirstValue(DealerIdClaim), out var dealer) ? dealer : null,
            Guid.TryParse(principal.FindFirstValue(CustomerIdClaim), out var customer) ? customer : null,
            principal.FindFirstValue(ClaimTypes.Name) ?? "anonymous");
    }
}
