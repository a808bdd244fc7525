namespace AutoFinance.Domain.Notifications;

/// <summary>A value of a notice that is itself words (a purpose, a plan's kind), given in both languages.</summary>
public sealed record NoticeText(string Chinese, string English)
{
    public string In(string language) => Servicing.Reminders.ReminderFormat.Language(language) == Servicing.Reminders.ReminderFormat.SimplifiedChinese ? Chinese : English;
}
