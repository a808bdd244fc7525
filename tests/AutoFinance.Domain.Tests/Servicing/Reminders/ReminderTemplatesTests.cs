using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing.Reminders;

namespace AutoFinance.Domain.Tests.Servicing.Reminders;

public class ReminderTemplatesTests
{
    private static readonly DueReminder BeforeDue = new("L-001", 4, ReminderKind.BeforeDue, 3, new DateOnly(2026, 3, 7), new DateOnly(2026, 3, 10), 3_456.5m);

    private static readonly DueReminder Overdue = new("L-001", 4, ReminderKind.AfterMiss, 7, new DateOnly(2026, 3, 17), new DateOnly(2026, 3, 10), 12_003.1m);

    [Fact]
    public void An_english_sms_names_the_amount_in_the_currency_and_the_date_in_words()
    {
        var message = ReminderTemplates.Default.Render(BeforeDue, ReminderChannel.Sms, "en-US", Currency.Cny);

        Assert.Equal("en", message.Language);
        Assert.Null(message.Subject);
        Assert.Equal("[AutoFinance] Your car loan instalment 4 of CNY 3,456.50 is due on 10 March 2026, in 3 days. Please keep enough in your repayment account.", message.Body);
        Assert.Equal("L-001:4:before-due:2026-03-07", message.DeduplicationKey);
    }

    [Fact]
    public void A_chinese_sms_writes_yuan_and_the_chinese_date()
    {
        var message = ReminderTemplates.Default.Render(BeforeDue, ReminderChannel.Sms, "zh-CN", Currency.Cny);

        Assert.Equal("zh-CN", message.Language);
        Assert.Equal("【AutoFinance】您的车贷第4期应还3,456.50 元，将于2026年3月10日到期（3天后），请确保还款账户余额充足。", message.Body);
    }

    [Fact]
    public void Overdue_e_mails_in_both_languages()
    {
        var en = ReminderTemplates.Default.Render(Overdue, ReminderChannel.Email, "en", Currency.Cny);
        var zh = ReminderTemplates.Default.Render(Overdue, ReminderChannel.Email, "zh-Hans", Currency.Cny);

        Assert.Equal("Your car loan payment is overdue", en.Subject);
        Assert.Contains("instalment 4, due on 10 March 2026, is 7 days overdue with CNY 12,003.10 outstanding", en.Body, StringComparison.Ordinal);
        Assert.Equal("您的车贷已逾期", zh.Subject);
        Assert.Contains("您的车贷第4期（到期日2026年3月10日）已逾期7天，尚欠12,003.10 元。", zh.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_and_channel_renders_in_both_languages_with_no_placeholder_left()
    {
        foreach (var kind in Enum.GetValues<ReminderKind>())
        {
            foreach (var channel in Enum.GetValues<ReminderChannel>())
            {
                foreach (var language in new[] { "en", "zh-CN" })
                {
                    var message = ReminderTemplates.Default.Render(BeforeDue with { Kind = kind }, channel, language, Currency.Cny);
                    Assert.Equal(language, message.Language);
                    Assert.DoesNotContain("{", message.Body, StringComparison.Ordinal);
                    Assert.DoesNotContain("{", message.Subject ?? "", StringComparison.Ordinal);
                    Assert.Equal(channel == ReminderChannel.Sms, message.Subject is null);
                }
            }
        }
    }

    [Theory]
    [InlineData(1234.5, "CNY", "en", "CNY 1,234.50")]
    [InlineData(1234.5, "CNY", "zh-CN", "1,234.50 元")]
    [InlineData(1234.5, "USD", "zh-CN", "1,234.50 USD")]
    [InlineData(1234, "JPY", "en", "JPY 1,234")]
    public void Amounts_have_the_currencys_minor_digits(double amount, string currency, string language, string text) =>
        Assert.Equal(text, ReminderFormat.Amount((decimal)amount, Currency.FromCode(currency), language));

    [Fact]
    public void A_lender_replaces_a_template_and_unknown_placeholders_are_refused()
    {
        var templates = ReminderTemplates.Default.With(ReminderKind.BeforeDue, ReminderChannel.Sms, "zh-CN", new ReminderTemplate(null, "第{installment}期{amount}，{dueDate}到期"));
        Assert.Equal("第4期3,456.50 元，2026年3月10日到期", templates.Render(BeforeDue, ReminderChannel.Sms, "zh", Currency.Cny).Body);

        Assert.Throws<ArgumentException>(() => ReminderTemplates.Default.With(ReminderKind.BeforeDue, ReminderChannel.Sms, "en", new ReminderTemplate(null, "Hello {name}")));
    }

    [Fact]
    public void A_language_without_templates_falls_back_to_english()
    {
        var message = ReminderTemplates.Default.Render(BeforeDue, ReminderChannel.InApp, "fr-FR", Currency.Eur);
        Assert.Equal("en", message.Language);
        Assert.Contains("EUR 3,456.50", message.Body, StringComparison.Ordinal);
    }
}
