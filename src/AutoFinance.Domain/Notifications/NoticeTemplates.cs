using System.Globalization;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing.Reminders;

namespace AutoFinance.Domain.Notifications;

/// <summary>
/// Every event's templates, by language and version; a notice is written with the newest version in the customer's
/// language (Simplified Chinese for "zh", "zh-CN", "zh-Hans"…, English for any other), or in Chinese when that
/// language has none.
/// </summary>
public sealed class NoticeTemplates
{
    private readonly Dictionary<(NoticeEvent, string), NoticeTemplate> newest = [];

    public NoticeTemplates(IEnumerable<NoticeTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        foreach (var template in templates)
        {
            var key = (template.Event, ReminderFormat.Language(template.Language));
            if (!newest.TryGetValue(key, out var held) || held.Version < template.Version)
            {
                newest[key] = template;
            }
            else if (held.Version == template.Version)
            {
                throw new ArgumentException($"{template.Event.ToName()} {template.Language} v{template.Version} is given twice", nameof(templates));
            }
        }
    }

    public IReadOnlyCollection<NoticeTemplate> Newest => newest.Values;

    /// <summary>The newest template for the event in the language (or in Chinese), if any.</summary>
    public NoticeTemplate? Choose(NoticeEvent notice, string? language) =>
        newest.GetValueOrDefault((notice, ReminderFormat.Language(language)))
        ?? newest.GetValueOrDefault((notice, ReminderFormat.SimplifiedChinese));

    /// <summary>
    /// The notice for a channel in the customer's language: SMS gets the SMS text, the inbox and e-mail the subject
    /// and body. Amounts and dates are written as the language writes them (<see cref="ReminderFormat"/>).
    /// </summary>
    public RenderedNotice Render(Notice notice, NoticeChannel channel, string? language)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var template = Choose(notice.Event, language) ?? throw new InvalidOperationException($"no template for {notice.Event.ToName()}");
        var resolved = ReminderFormat.Language(template.Language);
        var currency = Currency.FromCode(notice.Currency);
        string? Value(string name) => notice.Values.TryGetValue(name, out var value) ? value switch
        {
            decimal amount => ReminderFormat.Amount(amount, currency, resolved),
            DateOnly date => ReminderFormat.Date(date, resolved),
            NoticeText words => words.In(resolved),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        } : null;

        return channel == NoticeChannel.Sms
            ? new RenderedNotice(channel, resolved, template.Version, null, NoticeTemplate.Fill(template.Sms, Value))
            : new RenderedNotice(channel, resolved, template.Version, NoticeTemplate.Fill(template.Subject, Value), NoticeTemplate.Fill(template.Body, Value));
    }
}
