namespace AutoFinance.Domain.Notifications;

/// <summary>
/// Which channels a customer wants for each purpose. Until the customer says otherwise, servicing notices and
/// reminders come on every channel and marketing on none. The inbox always keeps servicing notices: it is the
/// customer's record of what happened to their affairs, so that one choice cannot be switched off.
/// </summary>
public sealed class NotificationPreferences
{
    public static readonly NotificationPreferences Default = new(new Dictionary<(NoticePurpose, NoticeChannel), bool>());

    private readonly Dictionary<(NoticePurpose, NoticeChannel), bool> choices;

    public NotificationPreferences(IReadOnlyDictionary<(NoticePurpose Purpose, NoticeChannel Channel), bool> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        this.choices = new(choices);
    }

    /// <summary>Whether the purpose's notices go to the channel, the customer's choice or the default.</summary>
    public bool Wants(NoticePurpose purpose, NoticeChannel channel) =>
        IsFixed(purpose, channel) || choices.GetValueOrDefault((purpose, channel), DefaultFor(purpose));

    /// <summary>Whether the customer said no to the purpose on the channel (a choice made, not a default).</summary>
    public bool Refuses(NoticePurpose purpose, NoticeChannel channel) =>
        !IsFixed(purpose, channel) && choices.TryGetValue((purpose, channel), out var wanted) && !wanted;

    /// <summary>
    /// The channels a notice restricted to <paramref name="allowed"/> goes to: those of them the customer did not switch
    /// off and that can reach them, in the order inbox, SMS, e-mail.
    /// </summary>
    public IReadOnlyList<NoticeChannel> ChannelsAmong(IReadOnlyCollection<NoticeChannel> allowed, NoticePurpose purpose, bool hasMobile, bool canEmail) =>
        [.. NoticeChannels.All.Where(c => allowed.Contains(c) && !Refuses(purpose, c) && c switch
        {
            NoticeChannel.Sms => hasMobile,
            NoticeChannel.Email => canEmail,
            _ => true,
        })];

    /// <summary>Whether a choice is fixed (servicing notices in the inbox).</summary>
    public static bool IsFixed(NoticePurpose purpose, NoticeChannel channel) => purpose == NoticePurpose.Servicing && channel == NoticeChannel.InApp;

    public static bool DefaultFor(NoticePurpose purpose) => purpose != NoticePurpose.Marketing;

    /// <summary>
    /// The channels a notice of <paramref name="purpose"/> goes to: those the customer wants that can reach them (an
    /// SMS needs a mobile, an e-mail an address and a mail server), in the order inbox, SMS, e-mail.
    /// </summary>
    public IReadOnlyList<NoticeChannel> ChannelsFor(NoticePurpose purpose, bool hasMobile, bool canEmail) =>
        [.. NoticeChannels.All.Where(c => Wants(purpose, c) && c switch
        {
            NoticeChannel.Sms => hasMobile,
            NoticeChannel.Email => canEmail,
            _ => true,
        })];

    /// <summary>These preferences with one choice changed (a fixed choice stays as it is).</summary>
    public NotificationPreferences With(NoticePurpose purpose, NoticeChannel channel, bool wanted) =>
        new(new Dictionary<(NoticePurpose, NoticeChannel), bool>(choices) { [(purpose, channel)] = wanted });
}
