using AutoFinance.Domain.Notifications;

namespace AutoFinance.Domain.Tests.Notifications;

public class NoticeTemplateTests
{
    private const string ChineseV1 = "# payment.received\nsubject: 已收到还款\nsms: 【AutoFinance】已收到贷款{loan}的还款{amount}（{paidOn}）。\nbody:\n尊敬的客户：\n\n已收到{amount}。\n";
    private const string ChineseV2 = "subject: 我们已收到您的还款\nsms: 【AutoFinance】已收到{amount}。\nbody:\n已收到{amount}，入账日期{paidOn}。";
    private const string English = "subject: We received your payment\nsms: [AutoFinance] We received {amount} on loan {loan} ({paidOn}).\nbody:\nDear customer,\n\nWe received {amount}.";

    private static readonly Notice Payment = new(NoticeEvent.PaymentReceived, Guid.NewGuid(), Guid.NewGuid(), "p-1",
        new Dictionary<string, object> { ["loan"] = "LN260310-0001", ["amount"] = 1234.5m, ["paidOn"] = new DateOnly(2026, 3, 10) });

    private static NoticeTemplates Templates() => new(
    [
        NoticeTemplate.Parse(NoticeEvent.PaymentReceived, "zh-CN", 1, ChineseV1),
        NoticeTemplate.Parse(NoticeEvent.PaymentReceived, "zh-CN", 2, ChineseV2),
        NoticeTemplate.Parse(NoticeEvent.PaymentReceived, "en", 1, English),
    ]);

    [Fact]
    public void A_template_file_has_a_subject_an_sms_line_and_a_body()
    {
        var template = NoticeTemplate.Parse(NoticeEvent.PaymentReceived, "zh-CN", 1, ChineseV1);

        Assert.Equal("已收到还款", template.Subject);
        Assert.Equal("尊敬的客户：\n\n已收到{amount}。", template.Body);
        Assert.Equal(["loan", "amount", "paidOn"], template.Placeholders);
    }

    [Theory]
    [InlineData("sms: x\nbody:\ny", "no subject")]
    [InlineData("subject: x\nbody:\ny", "no sms")]
    [InlineData("subject: x\nsms: y\nbody:\n", "body is empty")]
    [InlineData("subject: x\nsms: y", "no body")]
    [InlineData("subject: x\nwhat: y\nbody:\nz", "unexpected line")]
    public void A_template_file_missing_a_part_is_refused_naming_it(string text, string problem)
    {
        var error = Assert.Throws<FormatException>(() => NoticeTemplate.Parse(NoticeEvent.CaseReceived, "en", 1, text));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("case.received en v1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_newest_version_in_the_customers_language_is_used_with_amounts_and_dates_written_the_chinese_way()
    {
        var sms = Templates().Render(Payment, NoticeChannel.Sms, "zh-CN");
        var inbox = Templates().Render(Payment, NoticeChannel.InApp, "zh");

        Assert.Equal(2, sms.TemplateVersion);
        Assert.Null(sms.Subject);
        Assert.Equal("【AutoFinance】已收到1,234.50 元。", sms.Text);
        Assert.Equal("我们已收到您的还款", inbox.Subject);
        Assert.Equal("已收到1,234.50 元，入账日期2026年3月10日。", inbox.Text);
    }

    [Fact]
    public void An_english_speaking_customer_gets_english_and_a_language_without_templates_gets_chinese()
    {
        var english = Templates().Render(Payment, NoticeChannel.Sms, "en-GB");
        var other = Templates().Render(Payment, NoticeChannel.Email, "fr");

        Assert.Equal("en", english.Language);
        Assert.Equal("[AutoFinance] We received CNY 1,234.50 on loan LN260310-0001 (10 March 2026).", english.Text);
        Assert.Equal("en", other.Language);
        Assert.Equal("We received your payment", other.Subject);

        var chineseOnly = new NoticeTemplates([NoticeTemplate.Parse(NoticeEvent.PaymentReceived, "zh-CN", 1, ChineseV1)]);
        Assert.Equal("zh-CN", chineseOnly.Render(Payment, NoticeChannel.Sms, "en").Language);
    }

    [Fact]
    public void Words_given_in_both_languages_are_written_in_the_customers()
    {
        var template = NoticeTemplate.Parse(NoticeEvent.ConsentChanged, "en", 1, "subject: s\nsms: {purpose} {state}\nbody:\nb");
        var notice = new Notice(NoticeEvent.ConsentChanged, Guid.NewGuid(), null, "k",
            new Dictionary<string, object> { ["purpose"] = new NoticeText("营销信息", "marketing"), ["state"] = new NoticeText("已撤回", "withdrawn") });

        Assert.Equal("marketing withdrawn", new NoticeTemplates([template]).Render(notice, NoticeChannel.Sms, "en").Text);
    }

    [Fact]
    public void A_value_the_template_names_but_the_notice_lacks_is_a_programming_error()
    {
        var notice = Payment with { Values = new Dictionary<string, object> { ["amount"] = 1m } };
        Assert.Throws<InvalidOperationException>(() => Templates().Render(notice, NoticeChannel.Sms, "en"));
    }

    [Fact]
    public void The_same_version_twice_is_refused_and_each_channel_has_its_own_key()
    {
        var v1 = NoticeTemplate.Parse(NoticeEvent.PaymentReceived, "zh-CN", 1, ChineseV1);
        Assert.Throws<ArgumentException>(() => new NoticeTemplates([v1, v1 with { Subject = "x" }]));
        Assert.Equal("payment.received:p-1:sms", Payment.DedupeKey(NoticeChannel.Sms));
        Assert.NotEqual(Payment.DedupeKey(NoticeChannel.InApp), Payment.DedupeKey(NoticeChannel.Email));
    }
}
