using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Web.Tests.Origination;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Web.Tests.Payments;

/// <summary>
/// Money staff post by hand: it names the channel it came through and the receipt that proves it, and above the
/// four-eyes limit (¥50,000) it waits for a second person, changing nothing in the ledger until approved.
/// </summary>
public abstract class StaffReceiptScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private readonly PaymentWorld _world = new(platform);

    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task Money_staff_post_without_its_channel_and_receipt_is_refused_naming_both_and_posts_nothing()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var loanId = await _world.BookedLoanAsync();
        using var agent = await platform.SignedIn("agent");

        using var bare = await PostAsync(agent, loanId, new { amount = 100m }, "bare-1");
        using var odd = await PostAsync(agent, loanId, new { amount = 100m, channel = "envelope", receiptReference = "x" }, "odd-1");

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        var errors = (await bare.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("channel", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("receiptReference", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, odd.StatusCode);
        Assert.Equal(0, await _world.PaymentsOnAsync(loanId));

        using var proper = await PostAsync(agent, loanId, new { amount = 100m, channel = "cash", receiptReference = "BR-2026-000117" }, "proper-1");
        Assert.Equal(HttpStatusCode.Created, proper.StatusCode);
        var line = (await agent.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}")).GetProperty("payments")[0];
        Assert.Equal("cash", line.GetProperty("channel").GetString());
        Assert.Equal("BR-2026-000117", line.GetProperty("receiptReference").GetString());
    }

    [SkippableFact]
    public async Task A_staff_receipt_above_the_limit_waits_for_a_second_person_and_is_posted_once_when_approved()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var loanId = await _world.BookedLoanAsync();
        using var admin = await platform.SignedIn("admin");
        using var manager = await platform.SignedIn("manager");
        var entriesBefore = await _world.JournalEntriesOnAsync(loanId);
        var body = new { amount = 50_000.01m, channel = "bank-transfer", receiptReference = "TRF-20261203-7781" };

        using var held = await PostAsync(admin, loanId, body, "big-1");

        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);
        var pending = await held.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("awaiting-approval", pending.GetProperty("status").GetString());
        var approvalId = pending.GetProperty("approvalId").GetGuid();
        Assert.Equal(0, await _world.PaymentsOnAsync(loanId));
        Assert.Equal(entriesBefore, await _world.JournalEntriesOnAsync(loanId));

        using var again = await PostAsync(admin, loanId, body, "big-1");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        // Another receipt on the same loan is another request: it waits beside the first.
        using var other = await PostAsync(admin, loanId, new { amount = 52_000m, channel = "bank-transfer", receiptReference = "TRF-20261203-7790" }, "big-2");
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        using var own = await admin.PostAsync($"/api/v1/approvals/{approvalId}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Equal(0, await _world.PaymentsOnAsync(loanId));

        using var approved = await manager.PostAsync($"/api/v1/approvals/{approvalId}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await using var db = _world.Db();
        var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.LoanId == loanId);
        Assert.Equal(50_000.01m, payment.Amount);
        Assert.Equal("bank-transfer", payment.Channel);
        Assert.Equal("TRF-20261203-7781", payment.ReceiptReference);
        Assert.True(await _world.JournalEntriesOnAsync(loanId) > entriesBefore);
    }

    [SkippableFact]
    public async Task A_staff_receipt_at_the_limit_is_posted_at_once()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var loanId = await _world.BookedLoanAsync();
        using var agent = await platform.SignedIn("agent");

        using var posted = await PostAsync(agent, loanId, new { amount = 50_000.00m, channel = "card-terminal", receiptReference = "POS-556677" }, "limit-1");

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(1, await _world.PaymentsOnAsync(loanId));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid loanId, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/payments") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}

public sealed class StaffReceiptsOnSqlite(SqlitePlatform platform) : StaffReceiptScenarios<SqlitePlatform>(platform);

public sealed class StaffReceiptsOnPostgres(PostgresPlatform platform) : StaffReceiptScenarios<PostgresPlatform>(platform);
