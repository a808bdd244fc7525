namespace AutoFinance.Insight.Offers;

/// <summary>How many marketing messages a customer may receive over a rolling window, in all and per channel.</summary>
/// <remarks>
/// The window is rolling: at an instant t it holds the contacts sent in (t − <see cref="Window"/>, t]. A new offer is
/// allowed only if, counting it, neither the customer's total nor the channel's count exceeds its cap. A channel
/// missing from <see cref="PerChannel"/> has cap 0 (never used for marketing).
/// </remarks>
public sealed record FrequencyCaps(TimeSpan Window, int PerCustomer, IReadOnlyDictionary<ContactChannel, int> PerChannel)
{
    /// <summary>Four messages in 30 days, at most two by SMS, two by e-mail, three in the app and one call.</summary>
    public static FrequencyCaps Default { get; } = new(TimeSpan.FromDays(30), 4, new Dictionary<ContactChannel, int>
    {
        [ContactChannel.Sms] = 2,
        [ContactChannel.Email] = 2,
        [ContactChannel.App] = 3,
        [ContactChannel.Phone] = 1,
    });

    /// <summary>The cap of a channel (0 when not listed).</summary>
    public int ChannelCap(ContactChannel channel) => PerChannel.TryGetValue(channel, out var cap) ? cap : 0;

    /// <summary>The contacts of one customer inside the window ending at <paramref name="at"/>.</summary>
    public IReadOnlyList<MarketingContact> InWindow(IEnumerable<MarketingContact> contacts, string customerId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var from = at - Window;
        return contacts.Where(c => c.CustomerId == customerId && c.SentAt > from && c.SentAt <= at).ToArray();
    }
}
