using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Components.Shared;
using AutoFinance.Web.Tests.Origination;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Notifications;

/// <summary>
/// Each event raised where it happens (decision, offer, contract, payout, payments, reminders, promises, cases,
/// changes of terms, consent), written to the outbox with the event and delivered by the dispatcher: to the inbox,
/// by SMS through the simulated gateway, by e-mail to a real SMTP server; in the customer's language, on the
/// channels they chose, and reminders not in the quiet hours. Run on SQLite and on PostgreSQL by the two classes at the
/// end of this file.
/// </summary>
public abstract class NotificationScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture, IMailedPlatform
{
    private static readonly DateTimeOffset MorningInChina = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Every_event_of_a_customers_loan_reaches_the_inbox_sms_and_email_in_english_once_each()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        platform.Clock.Now = MorningInChina;
        var person = await BookAsync("en");
        using var agent = await platform.SignedIn("agent");
        using var collector = await platform.SignedIn("collector");

        var paid = await PostAsync(agent, $"/api/v1/loans/{person.LoanId}/payments", new { amount = 123.45m, channel = "cash", receiptReference = "R-200001" }, "notice-pay");
        await PostAsync(agent, $"/api/v1/loans/{person.LoanId}/payments/{paid.GetProperty("paymentId").GetString()}/reversal", new { reason = "returned by the bank" });
        await PostAsync(agent, $"/api/v1/loans/{person.LoanId}/hardship", new { kind = "term-extension", months = 6, reason = "reduced hours at work" });
        var opened = await PostAsync(agent, "/api/v1/cases", new { kind = "question", category = "payment", channel = "phone", subject = "Paying early", description = "Can I pay early?", customerId = person.CustomerId });
        var caseId = opened.GetProperty("caseId").GetString();
        await PostAsync(agent, $"/api/v1/cases/{caseId}/messages", new { body = "Yes, any day." });
        await PostAsync(agent, $"/api/v1/cases/{caseId}/resolve", new { rootCause = "customer-misunderstanding", resolution = "Explained early payment." });
        await PostAsync(agent, $"/api/v1/customers/{person.CustomerId}/consents", new { purpose = "marketing", channel = "sms", granted = false, source = "phone" });
        await using (var before = Db())
        {
            // The extension may move the dates still to come: remind by the first instalment still owed.
            person = person with { FirstDue = await before.Installments.AsNoTracking().Where(i => i.LoanId == Guid.Parse(person.LoanId)).MinAsync(i => i.DueDate) };
        }

        await CloseAsync(person.FirstDue.AddDays(-3));
        await CloseAsync(person.FirstDue.AddDays(1));
        await PostAsync(collector, $"/api/v1/loans/{person.LoanId}/contacts", new { channel = "call", outcome = "PTP", promisedAmount = 500m, promisedDate = person.FirstDue.AddDays(3) });
        await CloseAsync(person.FirstDue.AddDays(2));
        platform.Clock.Now = MorningInChina;
        await Delivery.RunAsync(platform, platform.Clock);

        var expected = new Dictionary<string, string>
        {
            ["decision.approved"] = "is approved",
            ["offer.accepted"] = "You accepted",
            ["contract.signed"] = "is signed",
            ["loan.disbursed"] = "is paid out",
            ["payment.received"] = "We received CNY 123.45",
            ["payment.failed"] = "did not go through",
            ["terms.term"] = "has changed",
            ["case.received"] = "We received your request",
            ["case.answered"] = "new answer",
            ["case.resolved"] = "is resolved",
            ["consent.changed"] = "marketing (SMS) withdrawn",
            ["reminder.due-soon"] = "in 3 days",
            ["reminder.overdue"] = "1 days overdue",
            ["reminder.promise-to-pay"] = "You promised to pay CNY 500.00",
        };
        await using var db = Db();
        var rows = await db.Outbox.AsNoTracking().Where(m => m.CustomerId == person.CustomerId).ToListAsync();
        var sms = await Delivery.SmsToAsync(person.Mobile);
        var mail = platform.Mail.To(person.Email).ToList();
        foreach (var (template, words) in expected)
        {
            var notices = rows.Where(r => r.Template == template).ToList();
            Assert.True(notices.Count == 3, $"{template}: {notices.Count} rows ({string.Join(", ", notices.Select(n => n.Channel))})");
            // The reminders' wording of what the amount is made of (arrears included, credit taken off) is their third version.
            var version = template is "reminder.due-soon" or "reminder.due-today" ? 3 : 1;
            Assert.All(notices, n => Assert.Equal((OutboxStatus.Sent, "en", version), (n.Status, n.Language, n.TemplateVersion)));
            var text = notices.Single(n => n.Channel == "sms");
            Assert.Contains(words, text.Body, StringComparison.Ordinal);
            // The first instalment has nothing older to include: the reminder does not say it has.
            Assert.DoesNotContain("unpaid from before", text.Body, StringComparison.Ordinal);
            Assert.Single(sms, s => s.Id == text.Id && s.Text == text.Body);
            var inbox = notices.Single(n => n.Channel == "in-app");
            Assert.StartsWith(inbox.Subject + "\n", inbox.Body, StringComparison.Ordinal);
            var email = notices.Single(n => n.Channel == "email");
            Assert.Single(mail, m => m.MessageId == $"{email.Id:N}@autofinance" && m.Subject == email.Subject && (m.TextBody ?? "").Contains("Dear customer", StringComparison.Ordinal));
        }

        using var customer = await platform.SignedIn("agent");
        var messages = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/messages?customerId={person.CustomerId}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetProperty("template").GetString() == "payment.received");
    }

    [SkippableFact]
    public async Task A_customer_who_applied_in_chinese_is_told_in_chinese_with_amounts_in_yuan()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        platform.Clock.Now = MorningInChina;
        var person = await BookAsync("zh-CN");
        using var agent = await platform.SignedIn("agent");
        await PostAsync(agent, $"/api/v1/loans/{person.LoanId}/payments", new { amount = 1000m, channel = "cash", receiptReference = "R-200002" }, "zh-pay");
        await Delivery.RunAsync(platform, platform.Clock);

        var sms = await Delivery.SmsToAsync(person.Mobile);
        Assert.Contains(sms, s => s.Text.StartsWith("【AutoFinance】您的贷款申请", StringComparison.Ordinal) && s.Text.Contains("已获批准", StringComparison.Ordinal));
        Assert.Contains(sms, s => s.Text.Contains("还款1,000.00 元", StringComparison.Ordinal));
        Assert.Contains(platform.Mail.To(person.Email), m => m.Subject == "我们已收到您的还款" && (m.TextBody ?? "").StartsWith("尊敬的客户", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Reminders_raised_in_the_quiet_hours_wait_until_eight_while_a_payment_received_goes_at_once()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        platform.Clock.Now = MorningInChina;
        var person = await BookAsync("en");
        await Delivery.RunAsync(platform, platform.Clock);
        var evening = new DateTimeOffset(2026, 3, 10, 22, 30, 0, TimeSpan.FromHours(8));
        platform.Clock.Now = evening.ToUniversalTime();
        using var agent = await platform.SignedIn("agent");
        await PostAsync(agent, $"/api/v1/loans/{person.LoanId}/payments", new { amount = 10m, channel = "cash", receiptReference = "R-200003" }, "night-pay");
        await CloseAsync(person.FirstDue.AddDays(-3));
        await Delivery.RunAsync(platform, platform.Clock);

        var night = await Delivery.SmsToAsync(person.Mobile);
        Assert.Contains(night, s => s.Text.Contains("We received CNY 10.00", StringComparison.Ordinal));
        Assert.DoesNotContain(night, s => s.Text.Contains("in 3 days", StringComparison.Ordinal));
        Assert.DoesNotContain(platform.Mail.To(person.Email), m => m.Subject == "Payment due soon");
        await using (var db = Db())
        {
            var held = await db.Outbox.AsNoTracking().Where(m => m.CustomerId == person.CustomerId && m.Template == "reminder.due-soon").ToListAsync();
            Assert.Equal(3, held.Count);
            Assert.All(held, m => Assert.Equal((OutboxStatus.Pending, 0, new DateTimeOffset(2026, 3, 11, 8, 0, 0, TimeSpan.FromHours(8))), (m.Status, m.Attempts, m.NextAttemptAt)));
        }

        platform.Clock.Now = new DateTimeOffset(2026, 3, 11, 7, 59, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        await Delivery.RunAsync(platform, platform.Clock);
        Assert.DoesNotContain(await Delivery.SmsToAsync(person.Mobile), s => s.Text.Contains("in 3 days", StringComparison.Ordinal));

        platform.Clock.Now = new DateTimeOffset(2026, 3, 11, 8, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        await Delivery.RunAsync(platform, platform.Clock);
        Assert.Single(await Delivery.SmsToAsync(person.Mobile), s => s.Text.Contains("in 3 days", StringComparison.Ordinal));
        Assert.Single(platform.Mail.To(person.Email), m => m.Subject == "Payment due soon");
    }

    [SkippableFact]
    public async Task A_customer_who_turns_off_reminder_texts_and_emails_gets_reminders_only_in_the_inbox_and_servicing_notices_everywhere()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        platform.Clock.Now = MorningInChina;
        var person = await BookAsync("en");
        using var customer = await platform.SignedIn("agent");
        var changed = await customer.PutAsJsonAsync($"/api/v1/customers/{person.CustomerId}/notification-preferences", new
        {
            choices = new[] { new { purpose = "reminders", channel = "sms", enabled = false }, new { purpose = "reminders", channel = "email", enabled = false } },
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var view = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(view.GetProperty("choices").EnumerateArray().Single(c => c.GetProperty("purpose").GetString() == "reminders" && c.GetProperty("channel").GetString() == "sms").GetProperty("enabled").GetBoolean());
        Assert.Equal(("21:00", "08:00"), (view.GetProperty("quietFrom").GetString(), view.GetProperty("quietUntil").GetString()));

        await PostAsync(customer, $"/api/v1/loans/{person.LoanId}/payments", new { amount = 20m, channel = "cash", receiptReference = "R-200004" }, "opted-pay");
        await CloseAsync(person.FirstDue);
        await Delivery.RunAsync(platform, platform.Clock);

        await using var db = Db();
        var channels = await db.Outbox.AsNoTracking().Where(m => m.CustomerId == person.CustomerId).GroupBy(m => m.Template).Select(g => new { g.Key, Channels = g.Select(m => m.Channel).ToList() }).ToListAsync();
        Assert.Equal(["in-app"], channels.Single(c => c.Key == "reminder.due-today").Channels);
        Assert.Equal(["email", "in-app", "sms"], channels.Single(c => c.Key == "payment.received").Channels.Order().ToArray());
    }

    [SkippableFact]
    public async Task Late_charges_waived_by_a_collector_come_off_only_when_a_manager_approves_and_the_customer_is_told()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        platform.Clock.Now = MorningInChina;
        var person = await BookAsync("en");
        var loanId = Guid.Parse(person.LoanId);
        await CloseAsync(person.FirstDue.AddDays(10));
        platform.Clock.Now = new DateTimeOffset(person.FirstDue.AddDays(11), new TimeOnly(10, 0), TimeSpan.FromHours(8)).ToUniversalTime();
        decimal penalty, lateFee;
        await using (var db = Db())
        {
            var first = await db.Installments.AsNoTracking().SingleAsync(i => i.LoanId == loanId && i.DueDate == person.FirstDue);
            (penalty, lateFee) = (first.Penalty, first.LateFee);
        }

        Assert.True(penalty > 0m && lateFee > 0m, $"penalty {penalty}, late fee {lateFee}");
        using var collector = await platform.SignedIn("collector");
        var refused = await collector.PostAsJsonAsync($"/api/v1/loans/{loanId}/charge-waivers", new { amount = penalty + lateFee + 0.01m, reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        // Both problems at once: the reason, and the amount above what is owed.
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("amount", out _));

        refused = await collector.PostAsJsonAsync($"/api/v1/loans/{loanId}/charge-waivers", new { amount = penalty + lateFee + 0.01m, reason = "hospital stay, arrears now paid" });
        problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.BadRequest, "waiver.amount.exceeds-charges"), (refused.StatusCode, problem.GetProperty("code").GetString()));
        Assert.True(problem.GetProperty("errors").TryGetProperty("amount", out _));

        var proposed = await collector.PostAsJsonAsync($"/api/v1/loans/{loanId}/charge-waivers", new { reason = "hospital stay, arrears now paid" });
        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        var proposal = await proposed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((penalty + lateFee, penalty, lateFee), (proposal.GetProperty("plan").GetProperty("amount").GetDecimal(), proposal.GetProperty("plan").GetProperty("penalty").GetDecimal(), proposal.GetProperty("plan").GetProperty("lateFees").GetDecimal()));
        await using (var db = Db())
        {
            Assert.Equal(0m, await db.Installments.AsNoTracking().Where(i => i.LoanId == loanId).SumAsync(i => i.WaivedLateFee + i.WaivedPenalty));
        }

        var approvalId = proposal.GetProperty("approval").GetProperty("approvalId").GetString()!;
        Assert.Equal((penalty + lateFee).ToString("0.00", CultureInfo.InvariantCulture), proposal.GetProperty("approval").GetProperty("summaryFacts").GetProperty("amount").GetString());
        var approvalPath = $"/api/v1/approvals/{approvalId}/approve";
        using var manager = await platform.SignedIn("manager");
        // The approver reads what is asked in the page's language, with the loan's number rather than its id.
        var reference = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}")).GetProperty("summary").GetProperty("reference").GetString();
        Assert.Equal($"减免贷款 {reference} 的逾期费用 {Fmt.Money(penalty + lateFee)}（罚息 {Fmt.Money(penalty)}，滞纳金 {Fmt.Money(lateFee)}）",
            await ApprovalLineAsync(manager, "pending", "zh-CN", approvalId, "approval-summary"));
        Assert.Equal($"Waive {Fmt.Money(penalty + lateFee)} of late charges on loan {reference} (penalty {Fmt.Money(penalty)}, late fees {Fmt.Money(lateFee)})",
            await ApprovalLineAsync(manager, "pending", "en", approvalId, "approval-summary"));
        var approved = await PostAsync(manager, approvalPath, new { });
        Assert.Equal("Approved", approved.GetProperty("status").GetString(), ignoreCase: true);
        await using (var db = Db())
        {
            var first = await db.Installments.AsNoTracking().SingleAsync(i => i.LoanId == loanId && i.DueDate == person.FirstDue);
            Assert.Equal((lateFee, penalty), (first.WaivedLateFee, first.WaivedPenalty));
            Assert.Single(await db.JournalEntries.AsNoTracking().Where(e => e.LoanId == loanId && e.Kind == "ChargesWaived").ToListAsync());
            // The approval keeps what it did, for whoever opens it later.
            var kept = await db.Approvals.AsNoTracking().SingleAsync(a => a.Id == Guid.Parse(approved.GetProperty("approvalId").GetString()!));
            Assert.StartsWith($"waived {penalty + lateFee:0.00}", kept.Outcome, StringComparison.Ordinal);
        }

        Assert.Equal($"已减免 {Fmt.Money(penalty + lateFee)}（罚息 {Fmt.Money(penalty)}，滞纳金 {Fmt.Money(lateFee)}），尚余逾期费用 ¥0.00",
            await ApprovalLineAsync(manager, "approved", "zh-CN", approvalId, "approval-result"));

        var view = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal(0m, view.GetProperty("trialBalanceNet").GetDecimal());
        var row = view.GetProperty("schedule").EnumerateArray().First();
        Assert.Equal((0m, 0m, penalty + lateFee), (row.GetProperty("lateFee").GetDecimal(), row.GetProperty("penaltyInterest").GetDecimal(), row.GetProperty("waived").GetDecimal()));
        Assert.Equal(0m, view.GetProperty("balances").GetProperty("PenaltyInterestReceivable").GetDecimal());

        // Nothing is left to waive: a second proposal is refused at once.
        var again = await collector.PostAsJsonAsync($"/api/v1/loans/{loanId}/charge-waivers", new { reason = "hospital stay, arrears now paid" });
        Assert.Equal("waiver.nothing-owed", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        await Delivery.RunAsync(platform, platform.Clock);
        await using var outbox = Db();
        var sms = await outbox.Outbox.AsNoTracking().SingleAsync(m => m.CustomerId == person.CustomerId && m.Template == "charges.waived" && m.Channel == "sms");
        Assert.Contains($"We have waived CNY {penalty + lateFee:N2} of late charges", sms.Body, StringComparison.Ordinal);
        Assert.Contains("CNY 0.00 of late charges is still owed", sms.Body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_waiver_approved_after_the_loans_charges_changed_waives_nothing_and_says_why()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        platform.Clock.Now = MorningInChina;
        var person = await BookAsync("zh-CN");
        var loanId = Guid.Parse(person.LoanId);
        await CloseAsync(person.FirstDue.AddDays(10));
        using var collector = await platform.SignedIn("collector");
        var tooLong = await collector.PostAsJsonAsync($"/api/v1/loans/{loanId}/charge-waivers", new { reason = new string('因', 301) });
        var refused = await tooLong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.BadRequest, "300"), (tooLong.StatusCode, refused.GetProperty("problems")[0].GetProperty("parameters").GetProperty("max").GetString()));

        var proposed = await collector.PostAsJsonAsync($"/api/v1/loans/{loanId}/charge-waivers", new { reason = "住院期间逾期" });
        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        var approvalId = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approval").GetProperty("approvalId").GetString();

        // Another day's penalty is charged before the manager gets to it: the same amount would now take other charges.
        await CloseAsync(person.FirstDue.AddDays(11));
        using var manager = await platform.SignedIn("manager");
        var decided = await PostAsync(manager, $"/api/v1/approvals/{approvalId}/approve", new { });

        Assert.Equal("failed", decided.GetProperty("status").GetString(), ignoreCase: true);
        Assert.Contains("changed since the waiver was proposed", decided.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        await using var db = Db();
        Assert.Equal(0m, await db.Installments.AsNoTracking().Where(i => i.LoanId == loanId).SumAsync(i => i.WaivedLateFee + i.WaivedPenalty));
        Assert.Empty(await db.JournalEntries.AsNoTracking().Where(e => e.LoanId == loanId && e.Kind == "ChargesWaived").ToListAsync());
    }

    [SkippableFact]
    public async Task A_customer_who_applied_in_chinese_and_chooses_english_is_written_to_in_english()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        platform.Clock.Now = MorningInChina;
        var person = await BookAsync("zh-CN");
        using var agent = await platform.SignedIn("agent");
        var path = $"/api/v1/customers/{person.CustomerId}/notification-preferences";
        Assert.Equal("zh-CN", (await agent.GetFromJsonAsync<JsonElement>(path)).GetProperty("language").GetString());

        var wrong = await agent.PutAsJsonAsync(path, new { language = "fr" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("field.one-of", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var chosen = await agent.PutAsJsonAsync(path, new { language = "en" });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal("en", (await chosen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("language").GetString());

        await PostAsync(agent, $"/api/v1/loans/{person.LoanId}/payments", new { amount = 30m, channel = "cash", receiptReference = "R-200031" }, "chosen-language-pay");

        await using var db = Db();
        var receipts = await db.Outbox.AsNoTracking().Where(m => m.CustomerId == person.CustomerId && m.Template == "payment.received").Select(m => m.Language).ToListAsync();
        Assert.NotEmpty(receipts);
        Assert.All(receipts, l => Assert.Equal("en", l));
    }

    [SkippableFact]
    public async Task Preferences_name_every_wrong_choice_and_the_inbox_for_servicing_cannot_be_switched_off()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        platform.Clock.Now = MorningInChina;
        var person = await BookAsync("en");
        using var agent = await platform.SignedIn("agent");
        var refused = await agent.PutAsJsonAsync($"/api/v1/customers/{person.CustomerId}/notification-preferences", new
        {
            choices = new object[] { new { purpose = "gossip", channel = "pigeon", enabled = true }, new { purpose = "servicing", channel = "in-app", enabled = false } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("choices[0].purpose", out _));
        Assert.True(errors.TryGetProperty("choices[0].channel", out _));
        Assert.True(errors.TryGetProperty("choices[1].enabled", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/v1/customers/{Guid.NewGuid()}/notification-preferences")).StatusCode);
    }

    [SkippableFact]
    public async Task The_customer_pages_list_the_messages_and_save_preferences_in_chinese()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        platform.Clock.Now = MorningInChina;
        using var customer = await platform.SignedIn("13800138000");
        var inbox = await customer.GetStringAsync("/inbox");
        Assert.Contains("通知设置", inbox, StringComparison.Ordinal);
        var page = await customer.GetStringAsync("/inbox/preferences");
        Assert.Contains("还款提醒", page, StringComparison.Ordinal);
        Assert.Contains("免打扰时段（北京时间 21:00–08:00）", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pref-marketing-sms\"", page, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("en", "the annual rate of your loan", "Your loan's rate has changed")]
    [InlineData("zh-CN", "年利率自", "您的贷款利率已调整")]
    public async Task A_lower_rate_waits_for_a_second_person_then_re_amortises_the_loan_and_tells_the_customer_on_every_channel(string language, string smsWords, string subject)
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        platform.Clock.Now = MorningInChina;
        var person = await BookAsync(language);
        var loanId = Guid.Parse(person.LoanId);
        decimal bookedRate;
        DateOnly start;
        List<InstallmentRow> before;
        await using (var db = Db())
        {
            var booked = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == loanId);
            (bookedRate, start) = (booked.AnnualRate, booked.StartDate);
            before = await db.Installments.AsNoTracking().Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync();
        }

        var newPercent = Math.Round(bookedRate * 50m, 2);
        using var agent = await platform.SignedIn("agent");
        var refused = await agent.PostAsJsonAsync($"/api/v1/loans/{loanId}/rate-changes", new { annualRatePercent = bookedRate * 100m + 1m, reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("annualRatePercent", out _));
        Assert.True(errors.TryGetProperty("reason", out _));

        var proposed = await agent.PostAsJsonAsync($"/api/v1/loans/{loanId}/rate-changes", new { annualRatePercent = newPercent, reason = "customer's income fell; concession agreed" });
        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        var proposal = await proposed.Content.ReadFromJsonAsync<JsonElement>();
        var plan = proposal.GetProperty("plan");
        Assert.Equal(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), plan.GetProperty("effectiveOn").GetString());
        Assert.True(plan.GetProperty("newPayment").GetDecimal() < before[0].Payment);
        await using (var db = Db())
        {
            Assert.Equal(bookedRate, (await db.Loans.AsNoTracking().SingleAsync(l => l.Id == loanId)).AnnualRate);
        }

        using var manager = await platform.SignedIn("manager");
        var approved = await PostAsync(manager, $"/api/v1/approvals/{proposal.GetProperty("approval").GetProperty("approvalId").GetString()}/approve", new { });
        Assert.Equal("Approved", approved.GetProperty("status").GetString(), ignoreCase: true);
        await using (var db = Db())
        {
            var loan = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == loanId);
            var after = await db.Installments.AsNoTracking().Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync();
            Assert.Equal(newPercent / 100m, loan.AnnualRate);
            Assert.Equal(before.Count, after.Count);
            Assert.Equal(before[^1].DueDate, after[^1].DueDate);
            Assert.Equal(before.Sum(i => i.Principal), after.Sum(i => i.Principal));
            Assert.Equal(plan.GetProperty("newPayment").GetDecimal(), after[0].Payment);
            Assert.True(after.Sum(i => i.Interest) < before.Sum(i => i.Interest));
            Assert.Single(await db.HardshipPlans.AsNoTracking().Where(h => h.LoanId == loanId && h.Kind == "rate-change").ToListAsync());
        }

        var view = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal(0m, view.GetProperty("trialBalanceNet").GetDecimal());
        await Delivery.RunAsync(platform, platform.Clock);
        await using var outbox = Db();
        var notices = await outbox.Outbox.AsNoTracking().Where(m => m.CustomerId == person.CustomerId && m.Template == "terms.rate").ToListAsync();
        Assert.Equal(["email", "in-app", "sms"], notices.Select(n => n.Channel).Order());
        Assert.All(notices, n => Assert.Equal((OutboxStatus.Sent, language), (n.Status, n.Language)));
        var sms = notices.Single(n => n.Channel == "sms");
        Assert.Contains(smsWords, sms.Body, StringComparison.Ordinal);
        Assert.Contains(newPercent.ToString("0.00##", CultureInfo.InvariantCulture) + "%", sms.Body, StringComparison.Ordinal);
        Assert.Single(await Delivery.SmsToAsync(person.Mobile), m => m.Id == sms.Id);
        Assert.Single(platform.Mail.To(person.Email), m => m.Subject == subject);
    }

    [SkippableFact]
    public async Task A_campaign_reaches_opted_in_customers_in_their_language_on_each_consented_channel_and_nobody_who_opted_out()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        platform.Clock.Now = MorningInChina;
        var english = await BookAsync("en");
        var chinese = await BookAsync("zh-CN");
        var optedOut = await BookAsync("en");
        using var agent = await platform.SignedIn("agent");
        foreach (var person in new[] { english, chinese })
        {
            foreach (var channel in new[] { "sms", "email", "app" })
            {
                await PostAsync(agent, $"/api/v1/customers/{person.CustomerId}/consents", new { purpose = "marketing", channel, granted = true, source = "phone" });
            }
        }

        await PostAsync(agent, $"/api/v1/customers/{optedOut.CustomerId}/consents", new { purpose = "marketing", channel = "sms", granted = true, source = "phone" });
        await PostAsync(agent, $"/api/v1/customers/{optedOut.CustomerId}/consents", new { purpose = "marketing", channel = "sms", granted = false, source = "phone" });
        await Delivery.RunAsync(platform, platform.Clock);

        using var manager = await platform.SignedIn("manager");
        var refused = await manager.PostAsJsonAsync("/api/v1/marketing/campaigns", new { offer = "free-money" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        // A segment the last insight refresh did not make would send to nobody: it is refused, naming the segment.
        var noSuchSegment = await manager.PostAsJsonAsync("/api/v1/marketing/campaigns", new { offer = "refinance", segment = 99 });
        Assert.Equal(HttpStatusCode.BadRequest, noSuchSegment.StatusCode);
        Assert.Contains((await noSuchSegment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray(),
            p => p.GetProperty("field").GetString() == "segment" && p.GetProperty("code").GetString() == "marketing.segment-unknown");
        var sent = await PostAsync(manager, "/api/v1/marketing/campaigns", new { offer = "refinance" });
        Assert.True(sent.GetProperty("reached").GetInt32() >= 2);
        Assert.Equal(0, sent.GetProperty("heldForQuietHours").GetInt32());
        await Delivery.RunAsync(platform, platform.Clock);

        await using (var db = Db())
        {
            var offers = await db.Outbox.AsNoTracking().Where(m => m.Template == "marketing.offer").ToListAsync();
            Assert.DoesNotContain(offers, m => m.CustomerId == optedOut.CustomerId);
            foreach (var (person, language) in new[] { (english, "en"), (chinese, "zh-CN") })
            {
                var mine = offers.Where(m => m.CustomerId == person.CustomerId).ToList();
                Assert.Equal(["email", "in-app", "sms"], mine.Select(m => m.Channel).Order());
                Assert.All(mine, m => Assert.Equal((OutboxStatus.Sent, language, "marketing"), (m.Status, m.Language, m.Purpose)));
            }

            Assert.Equal(2, await db.MarketingContacts.CountAsync(c => c.CustomerId == english.CustomerId && c.Channel != "app"));
        }

        Assert.Contains(await Delivery.SmsToAsync(english.Mobile), m => m.Text.Contains("A lower rate for your car loan", StringComparison.Ordinal) && m.Text.EndsWith("Reply TD to unsubscribe.", StringComparison.Ordinal));
        Assert.Contains(await Delivery.SmsToAsync(chinese.Mobile), m => m.Text.StartsWith("【AutoFinance】转贷优惠", StringComparison.Ordinal) && m.Text.EndsWith("回复TD退订", StringComparison.Ordinal));
        Assert.DoesNotContain(await Delivery.SmsToAsync(optedOut.Mobile), m => m.Text.Contains("TD", StringComparison.Ordinal));
        Assert.Single(platform.Mail.To(english.Email), m => m.Subject == "An offer for you: A lower rate for your car loan" && (m.TextBody ?? "").Contains("/inbox/preferences", StringComparison.Ordinal));
        Assert.Single(platform.Mail.To(chinese.Email), m => m.Subject == "为您推荐：转贷优惠" && (m.TextBody ?? "").Contains("退订", StringComparison.Ordinal));
        Assert.DoesNotContain(platform.Mail.To(optedOut.Email), m => (m.Subject ?? "").StartsWith("An offer for you", StringComparison.Ordinal));

        // At night the next campaign waits for 08:00 (and is sent then); a third within 30 days passes the cap and reaches no one.
        platform.Clock.Now = new DateTimeOffset(2026, 3, 10, 22, 30, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        using var nightShift = await platform.SignedIn("manager");
        var night = await PostAsync(nightShift, "/api/v1/marketing/campaigns", new { offer = "trade-in" });
        Assert.Equal(night.GetProperty("messages").GetInt32(), night.GetProperty("heldForQuietHours").GetInt32());
        await Delivery.RunAsync(platform, platform.Clock);
        Assert.DoesNotContain(await Delivery.SmsToAsync(english.Mobile), m => m.Text.Contains("Trade in your car", StringComparison.Ordinal));
        platform.Clock.Now = new DateTimeOffset(2026, 3, 11, 8, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        await Delivery.RunAsync(platform, platform.Clock);
        Assert.Single(await Delivery.SmsToAsync(english.Mobile), m => m.Text.Contains("Trade in your car", StringComparison.Ordinal));
        Assert.Single(platform.Mail.To(chinese.Email), m => m.Subject == "为您推荐：以旧换新");

        using var morningShift = await platform.SignedIn("manager");
        var capped = await PostAsync(morningShift, "/api/v1/marketing/campaigns", new { offer = "top-up" });
        Assert.True(capped.GetProperty("capped").GetInt32() >= 2);
        await using var after = Db();
        Assert.False(await after.Outbox.AnyAsync(m => m.Template == "marketing.offer" && (m.CustomerId == english.CustomerId || m.CustomerId == chinese.CustomerId) && m.Body.Contains("top-up")));
        Assert.Equal(2, await after.Outbox.Where(m => m.Template == "marketing.offer" && m.CustomerId == english.CustomerId && m.Channel == "sms").CountAsync());
    }

    [SkippableFact]
    public async Task A_backlog_of_several_batches_goes_out_in_one_run_each_message_once_and_one_without_a_customer_waits_for_a_retry()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        platform.Clock.Now = MorningInChina;
        var person = await BookAsync("en");
        await Delivery.RunAsync(platform, platform.Clock);
        var channels = new[] { "sms", "email", "in-app" };
        var backlog = Enumerable.Range(0, 130).Select(n => Due(person.CustomerId, channels[n % 3], $"Backlog message {n}", platform.Clock.Now)).ToList();
        var stranger = Due(Guid.NewGuid(), "sms", "Nobody to send to", platform.Clock.Now);
        await using (var db = Db())
        {
            db.Outbox.AddRange([.. backlog, stranger]);
            await db.SaveChangesAsync();
        }

        using (var scope = platform.App.Services.CreateScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<Infrastructure.Messaging.OutboxDispatcher>().DrainAsync(50, TimeSpan.FromMinutes(5), CancellationToken.None);
            Assert.True(run.Sent >= backlog.Count && run.Retrying >= 1, $"{run}");
        }

        await using var after = Db();
        var ids = backlog.Select(m => m.Id).Append(stranger.Id).ToList();
        var rows = await after.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id);
        Assert.All(backlog, m => Assert.Equal((OutboxStatus.Sent, 1, (string?)null), (rows[m.Id].Status, rows[m.Id].Attempts, rows[m.Id].LastError)));
        Assert.Equal((OutboxStatus.Pending, 1, "the message has no customer on file to send to"), (rows[stranger.Id].Status, rows[stranger.Id].Attempts, rows[stranger.Id].LastError));
        Assert.True(rows[stranger.Id].NextAttemptAt > platform.Clock.Now);
        var sms = await Delivery.SmsToAsync(person.Mobile);
        Assert.All(backlog.Where(m => m.Channel == "sms"), m => Assert.Single(sms, s => s.Id == m.Id && s.Text == m.Body));
        var mail = platform.Mail.To(person.Email).ToList();
        Assert.All(backlog.Where(m => m.Channel == "email"), m => Assert.Single(mail, e => e.MessageId == $"{m.Id:N}@autofinance" && e.Subject == "Payment received"));

        // Its retries would keep the other scenarios' delivery rounds going (each moves the clock on): it is taken away.
        await after.Outbox.Where(m => m.Id == stranger.Id).ExecuteDeleteAsync();
    }

    [SkippableFact]
    public async Task Texts_the_gateways_circuit_breaker_holds_back_keep_their_attempts_and_the_run_stops_until_the_next()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        platform.Clock.Now = MorningInChina;
        var person = await BookAsync("en");
        // Due before anything else in the outbox, so the first batch is theirs.
        var texts = Enumerable.Range(0, 5).Select(n => Due(person.CustomerId, "sms", $"Held back {n}", platform.Clock.Now.AddDays(-1).AddSeconds(n))).ToList();
        await using (var db = Db())
        {
            db.Outbox.AddRange(texts);
            await db.SaveChangesAsync();
        }

        using (var scope = platform.App.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var dispatcher = new Infrastructure.Messaging.OutboxDispatcher(services.GetRequiredService<AutoFinanceDbContext>(), new RestingGateway(),
                services.GetRequiredService<Infrastructure.Notifications.NotificationOptions>(), services.GetRequiredService<Infrastructure.Operations.StaffAlerts>(), platform.Clock);
            var run = await dispatcher.DrainAsync(2, TimeSpan.FromMinutes(5), CancellationToken.None);
            Assert.Equal((2, 0, 0, 0, 2), (run.Taken, run.Sent, run.Retrying, run.Failed, run.Untried));
        }

        await using var after = Db();
        var ids = texts.Select(t => t.Id).ToList();
        var rows = await after.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync();
        Assert.All(rows, m => Assert.Equal((OutboxStatus.Pending, 0, (string?)null), (m.Status, m.Attempts, m.LastError)));
        Assert.All(rows, m => Assert.True(m.NextAttemptAt <= platform.Clock.Now));
        await after.Outbox.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync();
    }

    /// <summary>A receipt waiting in the outbox since <paramref name="at"/>, written as the notifier writes one.</summary>
    private static OutboxMessageRow Due(Guid customerId, string channel, string body, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        DedupeKey = $"test-{Guid.NewGuid():N}",
        CustomerId = customerId,
        Channel = channel,
        Language = "en",
        Template = "payment.received",
        Subject = "Payment received",
        Body = body,
        CreatedAt = at,
        NextAttemptAt = at,
    };

    /// <summary>A gateway whose circuit breaker is open: nothing is called, nothing is sent.</summary>
    private sealed class RestingGateway : Infrastructure.Messaging.IMessageSender
    {
        public Task<IReadOnlyList<Infrastructure.Messaging.SendOutcome>> SendAsync(IReadOnlyList<OutboxMessageRow> messages, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<Infrastructure.Messaging.SendOutcome>>([.. messages.Select(_ => Infrastructure.Messaging.SendOutcome.NotTried("the SMS gateway rests after repeated failures"))]);
    }

    [SkippableFact]
    public async Task Replying_TD_to_a_text_withdraws_marketing_everywhere_and_the_next_campaign_passes_the_customer_by()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        platform.Clock.Now = MorningInChina;
        var person = await BookAsync("zh-CN");
        using var agent = await platform.SignedIn("agent");
        foreach (var channel in new[] { "sms", "email", "app" })
        {
            await PostAsync(agent, $"/api/v1/customers/{person.CustomerId}/consents", new { purpose = "marketing", channel, granted = true, source = "phone" });
        }

        // The platform's texts tell the gateway where the customer's replies go.
        await Delivery.RunAsync(platform, platform.Clock);
        Assert.Equal(("acknowledged", "unsubscribed"), await ReplyAsync(person.Mobile, " td "));

        var consents = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{person.CustomerId}/consents");
        Assert.All(consents.GetProperty("current").EnumerateArray().Where(c => c.GetProperty("purpose").GetString() == "marketing" && c.GetProperty("channel").GetString() != "phone"),
            c => Assert.Equal("withdrawn", c.GetProperty("state").GetString()));
        var history = consents.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(3, history.Count(h => h.GetProperty("source").GetString() == "sms-reply" && !h.GetProperty("granted").GetBoolean()));
        var choices = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{person.CustomerId}/notification-preferences");
        Assert.All(choices.GetProperty("choices").EnumerateArray().Where(c => c.GetProperty("purpose").GetString() == "marketing"), c => Assert.False(c.GetProperty("enabled").GetBoolean()));

        // The customer is told once, on the channels they use, in their language.
        await Delivery.RunAsync(platform, platform.Clock);
        Assert.Single(await Delivery.SmsToAsync(person.Mobile), m => m.Text.Contains("营销信息（所有渠道）已撤回", StringComparison.Ordinal));

        // A repeat changes nothing, and words that are not an instruction are only acknowledged.
        Assert.Equal(("acknowledged", "already-unsubscribed"), await ReplyAsync(person.Mobile, "TD"));
        Assert.Equal(("acknowledged", "not-an-instruction"), await ReplyAsync(person.Mobile, "谢谢"));
        var after = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{person.CustomerId}/consents");
        Assert.Equal(history.Count, after.GetProperty("history").GetArrayLength());

        using var manager = await platform.SignedIn("manager");
        await PostAsync(manager, "/api/v1/marketing/campaigns", new { offer = "refinance" });
        await using var db = Db();
        Assert.False(await db.Outbox.AnyAsync(m => m.Template == "marketing.offer" && m.CustomerId == person.CustomerId));
        Assert.False(await db.MarketingContacts.AnyAsync(c => c.CustomerId == person.CustomerId));
    }

    [SkippableFact]
    public async Task A_reply_without_the_gateways_signature_is_refused_and_changes_nothing()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var anonymous = platform.Anonymous();
        var body = """{"replyId": "mo_forged", "mobile": "13800138000", "text": "TD"}""";
        // Signed now by the wall clock, as the gateway signs, with a secret that is not the gateway's.
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sms-replies") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        forged.Headers.Add(Api.SmsReplyEndpoints.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        forged.Headers.Add(Api.SmsReplyEndpoints.SignatureHeader, Application.Payments.CallbackSignature.Sign("not-the-gateways-secret", timestamp, System.Text.Encoding.UTF8.GetBytes(body)));
        var refused = await anonymous.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("callback.signature.invalid", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await using var db = Db();
        Assert.False(await db.Consents.AnyAsync(c => c.Source == "sms-reply" && c.RecordedBy == "sms-reply:mo_forged"));
    }

    /// <summary>The customer's phone replies through the gateway's sandbox; the gateway's push to the platform, once taken.</summary>
    private static async Task<(string Delivery, string? Outcome)> ReplyAsync(string mobile, string text)
    {
        using var simulator = new HttpClient { BaseAddress = await TestSimulator.AddressAsync() };
        var sent = await simulator.PostAsJsonAsync("/sms/v1/replies", new { mobile, text });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var replyId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyId").GetString();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var state = await simulator.GetFromJsonAsync<JsonElement>($"/sms/v1/replies/{replyId}");
            if (state.GetProperty("acknowledged").GetBoolean())
            {
                return ("acknowledged", state.GetProperty("outcome").GetString());
            }

            await Task.Delay(100);
        }

        return ("not acknowledged", null);
    }

    private sealed record Person(string LoanId, Guid CustomerId, string Mobile, string Email, DateOnly FirstDue);

    /// <summary>A prime application in the language given, approved, accepted and paid out: the loan and who to find its notices by.</summary>
    /// <summary>The text of one line of an approval's card on <c>/approvals</c>, as a reader of the language sees it.</summary>
    private static async Task<string> ApprovalLineAsync(HttpClient staff, string status, string language, string approvalId, string testId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/approvals?status={status}");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var page = await (await staff.SendAsync(request)).Content.ReadAsStringAsync();
        var card = page[page.IndexOf($"id=\"approval-{approvalId}\"", StringComparison.Ordinal)..];
        var line = System.Text.RegularExpressions.Regex.Match(card, $"data-testid=\"{testId}\"[^>]*>(?<text>[^<]*)<");
        return WebUtility.HtmlDecode(line.Groups["text"].Value).Trim();
    }

    private async Task<Person> BookAsync(string language)
    {
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");
        var body = Applications.Prime(language: language);
        var applicant = (Dictionary<string, object?>)body["applicant"]!;
        var email = $"c{Guid.NewGuid():N}@example.com";
        applicant["email"] = email;
        var decision = JsonDocument.Parse(await (await dealer.PostAsJsonAsync("/api/v1/applications", body)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("approved", decision.GetProperty("status").GetString());
        var applicationId = decision.GetProperty("applicationId").GetString();
        var offerId = decision.GetProperty("offers")[0].GetProperty("offerId").GetString();
        var contract = JsonDocument.Parse(await (await Contracts.ContractSigning.AcceptAsync(platform, dealer, applicationId, offerId)).Content.ReadAsStringAsync()).RootElement;
        var loanId = (await Payouts.Funding.BookAsync(underwriter, contract.GetProperty("contractId").GetString()!)).ToString();
        await using var db = Db();
        var loan = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(loanId));
        var firstDue = await db.Installments.AsNoTracking().Where(i => i.LoanId == loan.Id).MinAsync(i => i.DueDate);
        return new Person(loanId, loan.CustomerId, (string)applicant["mobile"]!, email, firstDue);
    }

    private async Task CloseAsync(DateOnly businessDate)
    {
        await using var db = Db();
        await new EndOfDay(db, platform.Clock, notifications: platform.App.Services.GetRequiredService<Infrastructure.Notifications.NotificationOptions>()).RunAsync(businessDate, new CobOptions(), CancellationToken.None);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey + Guid.NewGuid().ToString("N"));
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private AutoFinanceDbContext Db() => platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
}

public sealed class NotificationsOnSqlite(MailedPlatform platform) : NotificationScenarios<MailedPlatform>(platform);

public sealed class NotificationsOnPostgres(MailedPostgresPlatform platform) : NotificationScenarios<MailedPostgresPlatform>(platform);
