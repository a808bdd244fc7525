using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Servicing;

/// <summary>A customer asks for a hardship plan from their loan; staff decline or approve it; the customer is told in their language.</summary>
public abstract class HardshipRequestScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    [SkippableFact]
    public async Task A_customer_asks_staff_decline_then_approve_and_the_customer_is_told_each_time()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var customer = await platform.SignedIn("13800138000");
        using var other = await platform.SignedIn("13900139000");
        using var agent = await platform.SignedIn("agent");
        using var manager = await platform.SignedIn("manager");
        var loans = await customer.GetFromJsonAsync<JsonElement>("/api/v1/loans");
        var loanId = loans.EnumerateArray().First(l => l.GetProperty("status").GetString() == "active").GetProperty("loanId").GetGuid();
        var path = $"/api/v1/loans/{loanId}/hardship-requests";

        var bad = await customer.PostAsJsonAsync(path, new { kind = "re-amortisation", months = 12 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problems = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()).ToList();
        Assert.Contains("kind", problems);
        Assert.Contains("reason", problems);

        var first = await Ask(customer, path, "hr-1", new { kind = "payment-holiday", installments = 2, reason = "hospital stay, back at work in March" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var requestId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();
        var replay = await Ask(customer, path, "hr-1", new { kind = "payment-holiday", installments = 2, reason = "hospital stay, back at work in March" });
        Assert.Equal(requestId, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid());
        var reused = await Ask(customer, path, "hr-1", new { kind = "payment-holiday", installments = 3, reason = "hospital stay, back at work in March" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("idempotency.key.reused", (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var second = await Ask(customer, path, "hr-2", new { kind = "term-extension", months = 12, reason = "another try at once" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("hardship.request-open", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Ask(other, path, "hr-3", new { kind = "payment-holiday", installments = 1, reason = "not my loan" })).StatusCode);

        var queue = await agent.GetAsync("/api/v1/hardship-requests?state=requested&pageSize=1");
        Assert.Equal("1", queue.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(requestId, (await queue.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("requestId").GetGuid());

        var noReason = await agent.PostAsJsonAsync($"/api/v1/hardship-requests/{requestId}/decline", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var declined = await agent.PostAsJsonAsync($"/api/v1/hardship-requests/{requestId}/decline", new { reason = "上月已有逾期，请先联系客服" });
        Assert.Equal("declined", (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsync($"/api/v1/hardship-requests/{requestId}/approve", null)).StatusCode);

        var again = await Ask(customer, path, "hr-4", new { kind = "term-extension", months = 12, reason = "income is lower for a year" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var againId = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();
        var approved = await manager.PostAsync($"/api/v1/hardship-requests/{againId}/approve", null);
        var view = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("approved", view.GetProperty("state").GetString());

        var mine = await customer.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("approved,declined", string.Join(",", mine.EnumerateArray().Select(r => r.GetProperty("state").GetString())));
        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        Assert.True(await db.HardshipPlans.AnyAsync(p => p.LoanId == loanId && p.Id == view.GetProperty("planId").GetGuid()));
        var notices = await db.Outbox.AsNoTracking().Where(m => m.LoanId == loanId && m.Channel == "in-app").ToListAsync();
        var refusal = Assert.Single(notices, m => m.Template == "hardship.request-declined");
        Assert.Equal("zh-CN", refusal.Language);
        Assert.Contains("上月已有逾期，请先联系客服", refusal.Body, StringComparison.Ordinal);
        Assert.Contains("未获批准", refusal.Body, StringComparison.Ordinal);
        Assert.Single(notices, m => m.Template == "hardship.request-approved");
        Assert.Single(notices, m => m.Template == "terms.term");

        // One plan per loan: a further request is refused at once, by the rule that would refuse granting it, and the
        // loan page says why instead of offering the form.
        var afterPlan = await Ask(customer, path, "hr-5", new { kind = "payment-holiday", installments = 1, reason = "more trouble since" });
        Assert.Equal(HttpStatusCode.Conflict, afterPlan.StatusCode);
        Assert.Equal("hardship.loan.replanned", (await afterPlan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(2, (await customer.GetFromJsonAsync<JsonElement>(path)).GetArrayLength());
        var page = await customer.GetStringAsync($"/loans/{loanId}");
        Assert.Contains("data-testid=\"hardship-blocked\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"hardship-submit\"", page, StringComparison.Ordinal);

        // A request left waiting while the loan changed (here: asked before the plan was granted) is marked in the
        // queue with what would refuse approving it, before anyone presses the button.
        var protector = scope.ServiceProvider.GetRequiredService<Application.Security.IPersonalDataProtector>();
        var stale = new Infrastructure.Servicing.HardshipRequestRow
        {
            Id = Guid.CreateVersion7(), LoanId = loanId, CustomerId = (await db.Loans.AsNoTracking().SingleAsync(l => l.Id == loanId)).CustomerId, Kind = "payment-holiday", Installments = 1,
            ReasonCipher = protector.Protect("asked before the plan"), State = Domain.Servicing.Hardship.HardshipRequestState.Requested, RequestedBy = "customer", RequestedAt = DateTimeOffset.UtcNow,
        };
        db.HardshipRequests.Add(stale);
        await db.SaveChangesAsync();
        var queuePage = await agent.GetStringAsync("/hardship");
        Assert.Contains("data-testid=\"hardship-cannot-grant\"", queuePage, StringComparison.Ordinal);
        Assert.Contains("该贷款已调整过还款计划", queuePage, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> Ask(HttpClient client, string path, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}

public sealed class HardshipRequestsOnSqlite(SqlitePlatform platform) : HardshipRequestScenarios<SqlitePlatform>(platform);

public sealed class HardshipRequestsOnPostgres(PostgresPlatform platform) : HardshipRequestScenarios<PostgresPlatform>(platform);
