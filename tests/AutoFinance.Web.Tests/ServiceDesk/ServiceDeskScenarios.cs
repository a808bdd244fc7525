using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Web.Tests.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Web.Tests.ServiceDesk;

/// <summary>
/// The service desk through HTTP: SLA timers on business hours with a fake clock, escalation, object-level access,
/// the case lifecycle with its audit trail, surveys, the assistant against the loan endpoint, knowledge search and
/// service metrics. Run on SQLite and on PostgreSQL by the two classes at the end of this file.
/// </summary>
public abstract class ServiceDeskScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture, IClockedPlatform
{
    private const string LiNa = "13800138000";
    private const string WangWei = "13900139000";

    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task Sla_timers_count_business_hours_only_across_a_weekend_and_a_breach_escalates()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");

        // Friday 15 May 2026, 16:00 in Beijing: two business hours left that day.
        platform.Clock.Now = new DateTimeOffset(2026, 5, 15, 8, 0, 0, TimeSpan.Zero);
        using var customer = await platform.SignedIn(LiNa);
        var opened = await Created(await customer.PostAsJsonAsync("/api/v1/cases", new { kind = "complaint", category = "payment", priority = "normal", subject = "Payment not shown", description = "I paid yesterday and it is not on my loan." }));
        var id = opened.GetProperty("caseId").GetString();

        // A normal complaint: first response within 4 business hours → Monday 11:00; resolution within 5 business days
        // (45 h) → Friday 22 May 16:00 (Beijing time).
        Assert.Equal(new DateTimeOffset(2026, 5, 18, 11, 0, 0, TimeSpan.FromHours(8)), opened.GetProperty("firstResponseDue").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 5, 22, 16, 0, 0, TimeSpan.FromHours(8)), opened.GetProperty("resolutionDue").GetDateTimeOffset());

        // Sunday noon: the weekend does not count, two business hours are still left.
        platform.Clock.Now = new DateTimeOffset(2026, 5, 17, 4, 0, 0, TimeSpan.Zero);
        var sunday = await Sla(await platform.SignedIn(LiNa), id);
        Assert.Equal("running", sunday.GetProperty("firstResponse").GetProperty("state").GetString());
        Assert.Equal(120, sunday.GetProperty("firstResponse").GetProperty("remainingBusinessMinutes").GetDouble());

        // Monday 10:00: one hour left.
        platform.Clock.Now = new DateTimeOffset(2026, 5, 18, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(60, (await Sla(await platform.SignedIn(LiNa), id)).GetProperty("firstResponse").GetProperty("remainingBusinessMinutes").GetDouble());

        // Monday 12:00: an hour overdue, a quarter of the target — team lead.
        platform.Clock.Now = new DateTimeOffset(2026, 5, 18, 4, 0, 0, TimeSpan.Zero);
        var breached = await Sla(await platform.SignedIn(LiNa), id);
        Assert.True(breached.GetProperty("breached").GetBoolean());
        Assert.Equal("breached", breached.GetProperty("firstResponse").GetProperty("state").GetString());
        Assert.Equal(1, breached.GetProperty("escalationLevel").GetInt32());

        var run = await Ok(await (await platform.SignedIn("manager")).PostAsync("/api/v1/cases/escalations", null));
        var escalated = run.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("caseId").GetString() == id);
        Assert.Equal(1, escalated.GetProperty("level").GetInt32());
        Assert.Equal("team lead", escalated.GetProperty("escalateTo").GetString());

        // Monday 14:00: three quarters of the target overdue — service manager; a second run records it once.
        platform.Clock.Now = new DateTimeOffset(2026, 5, 18, 6, 0, 0, TimeSpan.Zero);
        using var manager = await platform.SignedIn("manager");
        await Ok(await manager.PostAsync("/api/v1/cases/escalations", null));
        var again = await Ok(await manager.PostAsync("/api/v1/cases/escalations", null));
        Assert.DoesNotContain(again.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseId").GetString() == id);
        var view = await Ok(await manager.GetAsync($"/api/v1/cases/{id}"));
        Assert.Equal(2, view.GetProperty("recordedEscalationLevel").GetInt32());
        await using var db = Desk.Db(platform);
        var levels = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id && a.Action == "case.escalated").CountAsync();
        Assert.Equal(2, levels);

        // The queue puts the most overdue running timer first.
        customer.Dispose();
        using var agent = await platform.SignedIn("agent");
        var queue = (await Ok(await agent.GetAsync("/api/v1/cases"))).EnumerateArray().ToList();
        var urgency = queue.Select(c => new[] { c.GetProperty("sla").GetProperty("firstResponse"), c.GetProperty("sla").GetProperty("resolution") }
            .Where(t => t.GetProperty("state").GetString() is "running" or "breached").Select(t => t.GetProperty("remainingBusinessMinutes").GetDouble()).DefaultIfEmpty(double.MaxValue).Min()).ToList();
        Assert.Equal(urgency.Order(), urgency);
        Assert.All(queue, c => Assert.NotEqual("resolved", c.GetProperty("status").GetString()));
    }

    [SkippableFact]
    public async Task A_customer_sees_and_acts_on_only_their_own_cases()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var liNa = await platform.SignedIn(LiNa);
        using var wangWei = await platform.SignedIn(WangWei);
        var id = (await Created(await liNa.PostAsJsonAsync("/api/v1/cases", new { kind = "question", category = "documents", subject = "Contract copy", description = "Please send my contract." }))).GetProperty("caseId").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await wangWei.GetAsync($"/api/v1/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wangWei.PostAsJsonAsync($"/api/v1/cases/{id}/messages", new { body = "let me in" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wangWei.PostAsJsonAsync($"/api/v1/cases/{id}/reopen", new { reason = "let me in" })).StatusCode);
        Assert.DoesNotContain((await Ok(await wangWei.GetAsync("/api/v1/cases"))).EnumerateArray(), c => c.GetProperty("caseId").GetString() == id);
        Assert.Contains((await Ok(await liNa.GetAsync("/api/v1/cases"))).EnumerateArray(), c => c.GetProperty("caseId").GetString() == id);
        Assert.Equal(HttpStatusCode.OK, (await liNa.GetAsync($"/api/v1/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liNa.PostAsJsonAsync($"/api/v1/cases/{id}/resolve", new { rootCause = "process", resolution = "done it myself" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Dealer().GetAsync("/api/v1/cases")).StatusCode);
    }

    [SkippableFact]
    public async Task A_case_opens_is_answered_resolved_and_reopened_with_every_step_audited()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var customer = await platform.SignedIn(LiNa);
        using var agent = await platform.SignedIn("agent");
        var id = (await Created(await customer.PostAsJsonAsync("/api/v1/cases", new { kind = "complaint", category = "fees", priority = "high", subject = "Fee charged twice", description = "The same fee appears twice on my statement." }))).GetProperty("caseId").GetString();

        Assert.Equal("open", (await Ok(await agent.PostAsJsonAsync($"/api/v1/cases/{id}/assign", new { }))).GetProperty("status").GetString());
        await Created(await agent.PostAsJsonAsync($"/api/v1/cases/{id}/messages", new { body = "Checking with finance; internal.", @internal = true }));
        Assert.Equal("open", (await Ok(await customer.GetAsync($"/api/v1/cases/{id}"))).GetProperty("summary").GetProperty("status").GetString());
        var responded = await Created(await agent.PostAsJsonAsync($"/api/v1/cases/{id}/messages", new { body = "Sorry about this, we are refunding the second fee." }));
        Assert.Equal("in-progress", responded.GetProperty("status").GetString());

        var seen = await Ok(await customer.GetAsync($"/api/v1/cases/{id}"));
        Assert.NotEqual(JsonValueKind.Null, seen.GetProperty("firstRespondedAt").ValueKind);
        Assert.DoesNotContain(seen.GetProperty("messages").EnumerateArray(), m => m.GetProperty("visibility").GetString() == "internal");
        Assert.Contains((await Ok(await agent.GetAsync($"/api/v1/cases/{id}"))).GetProperty("messages").EnumerateArray(), m => m.GetProperty("visibility").GetString() == "internal");

        var refused = await agent.PostAsJsonAsync($"/api/v1/cases/{id}/resolve", new { rootCause = "bad luck", resolution = "" });
        await AssertFields(refused, "rootCause", "resolution");
        Assert.Equal("resolved", (await Ok(await agent.PostAsJsonAsync($"/api/v1/cases/{id}/resolve", new { rootCause = "system-error", resolution = "Duplicate fee refunded." }))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await agent.PostAsJsonAsync($"/api/v1/cases/{id}/resolve", new { rootCause = "system-error", resolution = "again" })).StatusCode);

        // Closing the case asks the customer to rate the service.
        var surveys = await Ok(await customer.GetAsync("/api/v1/surveys?pending=true"));
        Assert.Contains(surveys.EnumerateArray(), s => s.GetProperty("trigger").GetString() == "case-closed" && s.GetProperty("subjectId").GetString() == id);

        var survey = surveys.EnumerateArray().Single(s => s.GetProperty("subjectId").GetString() == id).GetProperty("surveyId").GetString();
        var reopened = await Ok(await customer.PostAsJsonAsync($"/api/v1/cases/{id}/reopen", new { reason = "The refund has not arrived." }));
        Assert.Equal("in-progress", reopened.GetProperty("status").GetString());
        var after = await Ok(await agent.GetAsync($"/api/v1/cases/{id}"));
        Assert.Equal(1, after.GetProperty("summary").GetProperty("reopenCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("resolvedAt").ValueKind);
        // The close she was asked to rate is undone: she rates the case when it is resolved again.
        using (var early = await customer.PostAsJsonAsync($"/api/v1/surveys/{survey}/answer", new { csat = 1, nps = 0 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Equal("survey.case-reopened", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        // Resolved again, then written to by the customer: it is open again, not left unseen.
        Assert.Equal("resolved", (await Ok(await agent.PostAsJsonAsync($"/api/v1/cases/{id}/resolve", new { rootCause = "system-error", resolution = "Refund sent again." }))).GetProperty("status").GetString());
        await Created(await customer.PostAsJsonAsync($"/api/v1/cases/{id}/messages", new { body = "Still nothing on my card." }));
        var written = await Ok(await agent.GetAsync($"/api/v1/cases/{id}"));
        Assert.NotEqual("resolved", written.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(2, written.GetProperty("summary").GetProperty("reopenCount").GetInt32());

        await using var db = Desk.Db(platform);
        var actions = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "case" && a.EntityId == id).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync();
        Assert.Equal(["case.opened", "case.assigned", "case.message", "case.message", "case.responded", "case.resolved", "case.reopened", "case.resolved", "case.message", "case.reopened"], actions);
        Assert.DoesNotContain(await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id).Select(a => a.DataJson).ToListAsync(), d => d.Contains("refund", StringComparison.OrdinalIgnoreCase));
        Assert.True((await Ok(await (await platform.SignedIn("admin")).GetAsync("/api/v1/admin/audit/verify"))).GetProperty("intact").GetBoolean());
    }

    [SkippableFact]
    public async Task Bad_case_input_is_refused_naming_every_field()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var customer = await platform.SignedIn(LiNa);
        await AssertFields(await customer.PostAsJsonAsync("/api/v1/cases", new { kind = "rant", priority = "urgent", channel = "pigeon", description = "x" }), "kind", "priority", "channel", "subject", "description");
        await AssertFields(await customer.PostAsync("/api/v1/cases", new StringContent("{\"kind\": 5", System.Text.Encoding.UTF8, "application/json")), "kind");
        using var agent = await platform.SignedIn("agent");
        await AssertFields(await agent.PostAsJsonAsync("/api/v1/cases", new { kind = "question", subject = "On behalf", description = "Called in" }), "customerId");
        await AssertFields(await agent.GetAsync("/api/v1/cases?status=lost"), "status");
        await AssertFields(await (await platform.SignedIn("manager")).GetAsync("/api/v1/service-metrics?groupBy=colour"), "groupBy");
    }

    [SkippableFact]
    public async Task A_survey_answer_outside_its_scale_is_refused_naming_the_field_and_is_answered_once()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var customer = await platform.SignedIn(LiNa);
        var pending = (await Ok(await customer.GetAsync("/api/v1/surveys?pending=true"))).EnumerateArray().ToList();
        Assert.NotEmpty(pending);
        var id = pending[0].GetProperty("surveyId").GetString();

        await AssertFields(await customer.PostAsJsonAsync($"/api/v1/surveys/{id}/answer", new { csat = 7, nps = 11 }), "csat", "nps");
        await AssertFields(await customer.PostAsJsonAsync($"/api/v1/surveys/{id}/answer", new { csat = 0 }), "csat", "nps");
        await AssertFields(await customer.PostAsync($"/api/v1/surveys/{id}/answer", new StringContent("{\"csat\": 4.5, \"nps\": 9}", System.Text.Encoding.UTF8, "application/json")), "csat");
        Assert.Equal(HttpStatusCode.NotFound, (await (await platform.SignedIn(WangWei)).PostAsJsonAsync($"/api/v1/surveys/{id}/answer", new { csat = 5, nps = 10 })).StatusCode);

        var answered = await Ok(await customer.PostAsJsonAsync($"/api/v1/surveys/{id}/answer", new { csat = 4, nps = 9, comment = "Quick and clear." }));
        Assert.Equal(4, answered.GetProperty("csat").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await customer.PostAsJsonAsync($"/api/v1/surveys/{id}/answer", new { csat = 5, nps = 10 })).StatusCode);

        using var manager = await platform.SignedIn("manager");
        foreach (var groupBy in new[] { "channel", "dealer", "agent", "trigger" })
        {
            var report = await Ok(await manager.GetAsync($"/api/v1/surveys/results?groupBy={groupBy}"));
            var all = report.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "all");
            Assert.True(all.GetProperty("csatResponses").GetInt32() >= 1);
            // As a report shows them: NPS in points to one decimal, shares to three places.
            if (all.GetProperty("nps").ValueKind == JsonValueKind.Number)
            {
                var nps = all.GetProperty("nps").GetDouble();
                Assert.Equal(Math.Round(nps, 1), nps);
            }

            Assert.Equal(Math.Round(all.GetProperty("responseRate").GetDouble(), 3), all.GetProperty("responseRate").GetDouble());
        }
    }

    [SkippableFact]
    public async Task The_assistant_quotes_exactly_the_loan_endpoints_figures()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var customer = await platform.SignedIn(LiNa);
        var loanId = (await Ok(await customer.GetAsync("/api/v1/loans")))[0].GetProperty("loanId").GetString();
        var loan = await Ok(await customer.GetAsync($"/api/v1/loans/{loanId}"));

        var next = await Ask(customer, "when is my next payment due", "en");
        Assert.False(next.GetProperty("handOver").GetBoolean());
        // With more than one instalment overdue (the clock may have moved on past them), the answer is all they come to.
        var overdue = loan.GetProperty("schedule").EnumerateArray().Where(i => i.GetProperty("status").GetString() == "overdue").ToList();
        var expected = overdue.Count > 1 ? overdue.Sum(i => i.GetProperty("outstanding").GetDecimal()) : loan.GetProperty("next").GetProperty("amount").GetDecimal();
        Assert.Equal(expected, next.GetProperty("quotedAmount").GetDecimal());
        Assert.Equal(loan.GetProperty("next").GetProperty("dueDate").GetString(), next.GetProperty("quotedDate").GetString());

        var balance = await Ask(customer, "还剩多少本金", "zh-CN");
        Assert.Equal(loan.GetProperty("balances").GetProperty("LoanPrincipalReceivable").GetDecimal(), balance.GetProperty("quotedAmount").GetDecimal());
        Assert.Contains("本金", balance.GetProperty("answer").GetString(), StringComparison.Ordinal);

        var payoff = await Ask(customer, "how much to pay off the loan today", "en");
        Assert.Equal(loan.GetProperty("payoffToday").GetProperty("total").GetDecimal(), payoff.GetProperty("quotedAmount").GetDecimal());
        Assert.Equal(loanId, payoff.GetProperty("loanId").GetString());
    }

    [SkippableFact]
    public async Task A_question_the_assistant_cannot_answer_opens_a_case_for_an_agent()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var customer = await platform.SignedIn(LiNa);
        var reply = await Ask(customer, "weather forecast for Shanghai tomorrow", "en");

        Assert.True(reply.GetProperty("handOver").GetBoolean());
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("quotedAmount").ValueKind);
        var caseId = reply.GetProperty("caseId").GetString();
        Assert.NotNull(caseId);
        var opened = await Ok(await customer.GetAsync($"/api/v1/cases/{caseId}"));
        Assert.Equal("assistant", opened.GetProperty("summary").GetProperty("channel").GetString());
        Assert.Equal("weather forecast for Shanghai tomorrow", opened.GetProperty("description").GetString());
        await AssertFields(await customer.PostAsJsonAsync("/api/v1/assistant", new { question = "", language = "fr" }), "question", "language");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await platform.SignedIn("agent")).PostAsJsonAsync("/api/v1/assistant", new { question = "balance", language = "en" })).StatusCode);
    }

    [SkippableFact]
    public async Task The_knowledge_base_is_searched_in_both_languages()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var anyone = platform.Anonymous();
        var chinese = await Ok(await anyone.GetAsync($"/api/v1/knowledge?q={Uri.EscapeDataString("怎么提前还款")}&language=zh-CN"));
        Assert.Equal("how-to-prepay", chinese[0].GetProperty("slug").GetString());
        var english = await Ok(await anyone.GetAsync("/api/v1/knowledge?q=grace%20period%20penalty%20interest&language=en"));
        Assert.Equal("late-fees", english[0].GetProperty("slug").GetString());
        Assert.True((await Ok(await anyone.GetAsync("/api/v1/knowledge"))).GetArrayLength() >= 20);
        await AssertFields(await anyone.GetAsync("/api/v1/knowledge?q=&language=de"), "q", "language");
    }

    [SkippableFact]
    public async Task Service_metrics_report_response_times_breaches_reopens_and_complaints_per_thousand_loans()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        var report = await Ok(await manager.GetAsync("/api/v1/service-metrics?groupBy=category"));
        var all = report.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "all");
        Assert.True(all.GetProperty("cases").GetInt32() >= 5);
        Assert.True(all.GetProperty("slaBreachRate").GetDouble() > 0);
        Assert.True(all.GetProperty("firstResponseHoursP50").GetDouble() > 0);
        Assert.True(all.GetProperty("firstResponseHoursP90").GetDouble() >= all.GetProperty("firstResponseHoursP50").GetDouble());
        Assert.NotEqual(JsonValueKind.Null, all.GetProperty("reopenRate").ValueKind);
        var loans = report.GetProperty("loans").GetInt32();
        Assert.Equal(all.GetProperty("complaints").GetInt32() * 1000.0 / loans, all.GetProperty("complaintsPer1000Loans").GetDouble(), 6);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await platform.SignedIn(LiNa)).GetAsync("/api/v1/service-metrics")).StatusCode);
    }

    private static async Task<JsonElement> Ask(HttpClient client, string question, string language) =>
        await Ok(await client.PostAsJsonAsync("/api/v1/assistant", new { question, language }));

    private static async Task<JsonElement> Sla(HttpClient client, string? caseId) =>
        (await Ok(await client.GetAsync($"/api/v1/cases/{caseId}"))).GetProperty("summary").GetProperty("sla");

    internal static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static async Task<JsonElement> Created(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static async Task AssertFields(HttpResponseMessage response, params string[] fields)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no problem named {field} in {text}");
        }
    }
}

public sealed class ServiceDeskOnSqlite(DeskPlatform platform) : ServiceDeskScenarios<DeskPlatform>(platform);

public sealed class ServiceDeskOnPostgres(DeskPostgresPlatform platform) : ServiceDeskScenarios<DeskPostgresPlatform>(platform);
