using System.Globalization;
using System.Text.RegularExpressions;
using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Servicing.Reminders;

/// <summary>
/// The reminder message templates by kind, channel and language ("en", "zh-CN"), and their rendering. Every kind has
/// a template for every channel in both languages by default; a lender replaces any of them with <see cref="With"/>.
/// </summary>
public sealed partial class ReminderTemplates
{
    private static readonly string[] Placeholders = ["installment", "amount", "dueDate", "days"];

    public static readonly ReminderTemplates Default = new(DefaultTemplates());

    private readonly Dictionary<(ReminderKind, ReminderChannel, string), ReminderTemplate> templates;

    public ReminderTemplates(IReadOnlyDictionary<(ReminderKind Kind, ReminderChannel Channel, string Language), ReminderTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        this.templates = [];
        foreach (var ((kind, channel, language), template) in templates)
        {
            ArgumentNullException.ThrowIfNull(template, nameof(templates));
            foreach (var text in new[] { template.Subject, template.Body })
            {
                foreach (Match match in PlaceholderPattern().Matches(text ?? ""))
                {
                    if (!Placeholders.Contains(match.Groups[1].Value))
                    {
                        throw new ArgumentException($"Unknown placeholder {match.Value} in the {kind.ToName()} {channel} template ({language}); use {{{string.Join("}, {", Placeholders)}}}.", nameof(templates));
                    }
                }
            }

            this.templates[(kind, channel, ReminderFormat.Language(language))] = template;
        }
    }

    /// <summary>The template for a kind, channel and language, if there is one.</summary>
    public ReminderTemplate? Find(ReminderKind kind, ReminderChannel channel, string language) =>
        templates.GetValueOrDefault((kind, channel, ReminderFormat.Language(language)));

    /// <summary>These templates with one replaced or added.</summary>
    public ReminderTemplates With(ReminderKind kind, ReminderChannel channel, string language, ReminderTemplate template) =>
        new(new Dictionary<(ReminderKind, ReminderChannel, string), ReminderTemplate>(templates) { [(kind, channel, ReminderFormat.Language(language))] = template });

    /// <summary>
    /// The message for <paramref name="reminder"/> on <paramref name="channel"/> in <paramref name="language"/>: the
    /// amount in <paramref name="currency"/> and the dates as the language writes them (see <see cref="ReminderFormat"/>).
    /// Falls back to English when the language has no template; throws when English has none either.
    /// </summary>
    public ReminderMessage Render(DueReminder reminder, ReminderChannel channel, string language, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var resolved = ReminderFormat.Language(language);
        if (Find(reminder.Kind, channel, resolved) is not { } template)
        {
            resolved = ReminderFormat.English;
            template = Find(reminder.Kind, channel, resolved)
                ?? throw new InvalidOperationException($"No {reminder.Kind.ToName()} {channel} template.");
        }

        string Fill(string text) => PlaceholderPattern().Replace(text, match => match.Groups[1].Value switch
        {
            "installment" => reminder.InstallmentNumber.ToString(CultureInfo.InvariantCulture),
            "amount" => ReminderFormat.Amount(reminder.Amount, currency, resolved),
            "dueDate" => ReminderFormat.Date(reminder.DueDate, resolved),
            "days" => reminder.Days.ToString(CultureInfo.InvariantCulture),
            _ => match.Value,
        });

        return new ReminderMessage(channel, resolved, template.Subject is { } subject ? Fill(subject) : null, Fill(template.Body), reminder.DeduplicationKey);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex PlaceholderPattern();

    private static Dictionary<(ReminderKind, ReminderChannel, string), ReminderTemplate> DefaultTemplates()
    {
        const string en = ReminderFormat.English, zh = ReminderFormat.SimplifiedChinese;
        const string enBefore = "Your car loan instalment {installment} of {amount} is due on {dueDate}, in {days} days. Please keep enough in your repayment account.";
        const string enOnDue = "Your car loan instalment {installment} of {amount} is due today, {dueDate}. Please make sure it is paid today.";
        const string enAfter = "Your car loan instalment {installment}, due on {dueDate}, is {days} days overdue with {amount} outstanding. Please pay as soon as possible to avoid late charges and a record with the credit bureau.";
        const string zhBefore = "您的车贷第{installment}期应还{amount}，将于{dueDate}到期（{days}天后），请确保还款账户余额充足。";
        const string zhOnDue = "今天（{dueDate}）是您车贷第{installment}期的还款日，应还{amount}，请于今日完成还款。";
        const string zhAfter = "您的车贷第{installment}期（到期日{dueDate}）已逾期{days}天，尚欠{amount}。请尽快还款，以免产生逾期费用并影响征信记录。";
        return new()
        {
            [(ReminderKind.BeforeDue, ReminderChannel.Sms, en)] = new(null, "[AutoFinance] " + enBefore),
            [(ReminderKind.OnDueDate, ReminderChannel.Sms, en)] = new(null, "[AutoFinance] " + enOnDue),
            [(ReminderKind.AfterMiss, ReminderChannel.Sms, en)] = new(null, "[AutoFinance] " + enAfter),
            [(ReminderKind.BeforeDue, ReminderChannel.Email, en)] = new("Your car loan payment is due on {dueDate}", "Dear customer,\n\n" + enBefore + "\n\nAutoFinance"),
            [(ReminderKind.OnDueDate, ReminderChannel.Email, en)] = new("Your car loan payment is due today", "Dear customer,\n\n" + enOnDue + "\n\nAutoFinance"),
            [(ReminderKind.AfterMiss, ReminderChannel.Email, en)] = new("Your car loan payment is overdue", "Dear customer,\n\n" + enAfter + "\n\nAutoFinance"),
            [(ReminderKind.BeforeDue, ReminderChannel.InApp, en)] = new("Payment due soon", enBefore),
            [(ReminderKind.OnDueDate, ReminderChannel.InApp, en)] = new("Payment due today", enOnDue),
            [(ReminderKind.AfterMiss, ReminderChannel.InApp, en)] = new("Payment overdue", enAfter),
            [(ReminderKind.BeforeDue, ReminderChannel.Sms, zh)] = new(null, "【AutoFinance】" + zhBefore),
            [(ReminderKind.OnDueDate, ReminderChannel.Sms, zh)] = new(null, "【AutoFinance】" + zhOnDue),
            [(ReminderKind.AfterMiss, ReminderChannel.Sms, zh)] = new(null, "【AutoFinance】" + zhAfter),
            [(ReminderKind.BeforeDue, ReminderChannel.Email, zh)] = new("您的车贷将于{dueDate}到期", "尊敬的客户：\n\n" + zhBefore + "\n\nAutoFinance"),
            [(ReminderKind.OnDueDate, ReminderChannel.Email, zh)] = new("今天是您的车贷还款日", "尊敬的客户：\n\n" + zhOnDue + "\n\nAutoFinance"),
            [(ReminderKind.AfterMiss, ReminderChannel.Email, zh)] = new("您的车贷已逾期", "尊敬的客户：\n\n" + zhAfter + "\n\nAutoFinance"),
            [(ReminderKind.BeforeDue, ReminderChannel.InApp, zh)] = new("还款提醒", zhBefore),
            [(ReminderKind.OnDueDate, ReminderChannel.InApp, zh)] = new("今日还款", zhOnDue),
            [(ReminderKind.AfterMiss, ReminderChannel.InApp, zh)] = new("逾期提醒", zhAfter),
        };
    }
}
