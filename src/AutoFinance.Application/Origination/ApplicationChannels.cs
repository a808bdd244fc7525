using AutoFinance.Application.Security;

namespace AutoFinance.Application.Origination;

/// <summary>
/// Where an application came in, as stored with it and grouped by in reports: online (the customer themself),
/// through a dealer, or keyed in by staff at a branch.
/// </summary>
public static class ApplicationChannels
{
    public const string Online = "online";
    public const string Dealer = "dealer";
    public const string Branch = "branch";

    public static readonly string[] All = [Online, Dealer, Branch];

    /// <summary>The channel of an application the actor submits: a dealer's through the dealer channel, staff's at a branch, anyone else's online.</summary>
    public static string Of(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role == Roles.Dealer ? Dealer : actor.IsStaff ? Branch : Online;
    }
}
