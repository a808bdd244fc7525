namespace AutoFinance.Domain.Notifications;

/// <summary>How a notice reaches the customer.</summary>
public enum NoticeChannel
{
    /// <summary>The inbox in the app and on the web.</summary>
    InApp,
    Sms,
    Email,
}

/// <summary>The stable names of channels ("in-app", "sms", "email"), as the outbox stores them.</summary>
public static class NoticeChannels
{
    public static IReadOnlyList<NoticeChannel> All { get; } = [NoticeChannel.InApp, NoticeChannel.Sms, NoticeChannel.Email];

    public static string ToName(this NoticeChannel channel) => channel switch
    {
        NoticeChannel.InApp => "in-app",
        NoticeChannel.Sms => "sms",
        NoticeChannel.Email => "email",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    public static NoticeChannel? FromName(string? name) => All.Cast<NoticeChannel?>().FirstOrDefault(c => c!.Value.ToName() == name?.Trim().ToLowerInvariant());
}
