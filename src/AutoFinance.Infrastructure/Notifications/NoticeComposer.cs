using AutoFinance.Domain.Notifications;
using AutoFinance.Infrastructure.Servicing;

namespace AutoFinance.Infrastructure.Notifications;

/// <summary>
/// Turns a notice into outbox rows: one per channel the customer wants for its purpose and can be reached on, each
/// written from the newest template in the customer's language, due at once or, for reminders and marketing raised
/// in quiet hours, when they end.
/// </summary>
public static class NoticeComposer
{
    public static IEnumerable<OutboxMessageRow> Compose(Notice notice, Recipient recipient, NotificationOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(options);
        var purpose = notice.Event.PurposeOf();
        var due = options.QuietHours.ReleaseAt(purpose, now);
        var canEmail = recipient.HasEmail && options.EmailEnabled;
        var channels = notice.Channels is { } allowed
            ? recipient.Preferences.ChannelsAmong(allowed, purpose, recipient.HasMobile, canEmail)
            : recipient.Preferences.ChannelsFor(purpose, recipient.HasMobile, canEmail);
        foreach (var channel in channels)
        {
            var rendered = NoticeTemplateFiles.All.Render(notice, channel, recipient.Language);
            yield return new OutboxMessageRow
            {
                Id = Guid.CreateVersion7(now),
                DedupeKey = notice.DedupeKey(channel),
                CustomerId = notice.CustomerId,
                LoanId = notice.LoanId,
                Channel = channel.ToName(),
                Language = rendered.Language,
                Template = notice.Event.ToName(),
                TemplateVersion = rendered.TemplateVersion,
                Purpose = purpose.ToName(),
                Subject = rendered.Subject,
                Body = channel == NoticeChannel.InApp ? $"{rendered.Subject}\n{rendered.Text}" : rendered.Text,
                CreatedAt = now,
                NextAttemptAt = due,
            };
        }
    }
}
