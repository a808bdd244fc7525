namespace AutoFinance.Domain.Notifications;

/// <summary>
/// How often a customer may be sent marketing: at most <see cref="Messages"/> campaigns within any
/// <see cref="Window"/> (by default 2 in 30 days), whatever the channels each used. A campaign that would pass the cap
/// leaves the customer out rather than sending later.
/// </summary>
public sealed record MarketingFrequencyCap(int Messages, TimeSpan Window)
{
    public static readonly MarketingFrequencyCap Default = new(2, TimeSpan.FromDays(30));

    /// <summary>Whether one more campaign may reach a customer at <paramref name="now"/>, given when earlier ones did.</summary>
    public bool Allows(IEnumerable<DateTimeOffset> earlier, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return earlier.Count(at => at > now - Window && at <= now) < Messages;
    }
}
