using AutoFinance.Domain.Notifications;

namespace AutoFinance.Infrastructure.Notifications;

/// <summary>
/// How notices are delivered: the quiet hours (<c>Notifications:QuietHours:Start</c>/<c>End</c>, local times in
/// <c>Notifications:QuietHours:UtcOffset</c>, by default 21:00–08:00 at UTC+8), and the mail server
/// (<c>Notifications:Smtp:Host</c>, <c>Port</c>, <c>User</c>, <c>Password</c>, <c>From</c>, <c>Security</c>:
/// none, starttls or tls). Without a host e-mail is off: no e-mail notice is written.
/// </summary>
public sealed record NotificationOptions
{
    public QuietHours QuietHours { get; init; } = QuietHours.Default;

    public SmtpSettings? Smtp { get; init; }

    public bool EmailEnabled => Smtp is not null;
}

/// <summary>Where e-mail is handed over, and as whom.</summary>
public sealed record SmtpSettings(string Host, int Port, string From, string? User, string? Password, string Security);
