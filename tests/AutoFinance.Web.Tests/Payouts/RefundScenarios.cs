using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Payouts;

/// <summary>
/// Credit a closed loan still holds goes back to its customer as a payout: to an account in their name or the card
/// under their mandate, posted (Dr refund payable / Cr cash clearing) only when the provider or the bank statement
/// confirms it, once, and never paid twice.
/// </summary>
public abstract class RefundScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private const decimal Overpaid = 321.50m;

    private readonly PaymentWorld _world = new(platform);

    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task A_closed_loans_credit_is_paid_back_only_when_the_provider_confirms_the_refund_and_only_once()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var loanId = await ClosedOwingAsync();
        using var underwriter = await platform.SignedIn("underwriter");
        var owed = (await underwriter.GetFromJsonAsync<JsonElement[]>("/api/v1/refunds?pageSize=500"))!.Single(r => r.GetProperty("loanId").GetGuid() == loanId);
        Assert.Equal(Overpaid, owed.GetProperty("owed").GetDecimal());
        Assert.Equal(JsonValueKind.Null, owed.GetProperty("cardOnFile").ValueKind);

        using var nowhere = await RefundAsync(underwriter, loanId, null, "rf-none");
        Assert.Equal("refund.no-destination", (await ProblemAsync(nowhere, HttpStatusCode.Conflict)).GetProperty("code").GetString());

        using var bad = await RefundAsync(underwriter, loanId, new { accountNumber = "6222-ABC", channel = "post" }, "rf-bad");
        var errors = (await ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("accountNumber", out _) && errors.TryGetProperty("bank", out _) && errors.TryGetProperty("channel", out _), errors.ToString());
        Assert.DoesNotContain((await underwriter.GetFromJsonAsync<JsonElement[]>("/api/v1/payouts?pageSize=500"))!, p => p.GetProperty("purpose").GetString() == "refund" && p.GetProperty("loanId").GetString() == loanId.ToString());

        var account = new { accountNumber = "6222 0202 0011 2233", bank = "中国工商银行" };
        using var instructed = await RefundAsync(underwriter, loanId, account, "rf-1");
        var payout = await AcceptedAsync(instructed);
        Assert.Equal("refund", payout.GetProperty("purpose").GetString());
        Assert.Equal(Overpaid, payout.GetProperty("amount").GetDecimal());
        Assert.Equal("**** 2233", payout.GetProperty("accountNumberMasked").GetString());
        Assert.Equal("Test Applicant", payout.GetProperty("payeeName").GetString());

        var paid = await ConfirmedAsync(underwriter, payout.GetProperty("reference").GetString()!);
        Assert.Equal("confirmed", paid.GetProperty("status").GetString());
        var loan = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal(0m, loan.GetProperty("balances").GetProperty("RefundPayable").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
        Assert.Equal(2, loan.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "Refund"));
        Assert.Equal(1, await RefundNoticesAsync(loanId));
        // The customer's refund is the lender's and the customer's business: the dealer's view of the contract's funding leaves it out.
        var funding = $"/api/v1/contracts/{payout.GetProperty("contractId").GetString()}/funding";
        using (var dealer = platform.Dealer())
        {
            Assert.DoesNotContain((await dealer.GetFromJsonAsync<JsonElement>(funding)).GetProperty("payouts").EnumerateArray(), p => p.GetProperty("purpose").GetString() == "refund");
        }

        Assert.Contains((await underwriter.GetFromJsonAsync<JsonElement>(funding)).GetProperty("payouts").EnumerateArray(), p => p.GetProperty("purpose").GetString() == "refund");

        using var retried = await RefundAsync(underwriter, loanId, account, "rf-1");
        Assert.Equal(payout.GetProperty("payoutId").GetGuid(), (await AcceptedAsync(retried)).GetProperty("payoutId").GetGuid());
        using var elsewhere = await RefundAsync(underwriter, loanId, new { accountNumber = "6222020200119999", bank = "中国银行" }, "rf-1");
        Assert.Equal("idempotency.key.reused", (await ProblemAsync(elsewhere, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        // Another account ending in the same four digits is another request too, though both show as "**** 2233".
        using var lookalike = await RefundAsync(underwriter, loanId, new { accountNumber = "6222 0202 0099 2233", bank = "中国工商银行" }, "rf-1");
        Assert.Equal("idempotency.key.reused", (await ProblemAsync(lookalike, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        using var twice = await RefundAsync(underwriter, loanId, account, "rf-2");
        Assert.Equal("refund.nothing-owed", (await ProblemAsync(twice, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.DoesNotContain((await underwriter.GetFromJsonAsync<JsonElement[]>("/api/v1/refunds?pageSize=500"))!, r => r.GetProperty("loanId").GetGuid() == loanId);
    }

    [SkippableFact]
    public async Task A_refund_whose_request_was_lost_stays_owed_on_its_way_and_is_paid_once_when_sent_again()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var loanId = await ClosedOwingAsync();
        using var underwriter = await platform.SignedIn("underwriter");
        using var admin = await platform.SignedIn("admin");

        // The sandbox answers the first request for a payout to an account ending 0503 with 503, without taking it.
        var account = new { accountNumber = "6222 0202 0011 0503", bank = "中国工商银行" };
        using var instructed = await RefundAsync(underwriter, loanId, account, "rf-lost");
        var payout = await AcceptedAsync(instructed);
        Assert.Equal("pending", payout.GetProperty("status").GetString());
        Assert.True(payout.GetProperty("unanswered").GetBoolean());
        using var twice = await RefundAsync(underwriter, loanId, account, "rf-lost-2");
        Assert.Equal("refund.nothing-owed", (await ProblemAsync(twice, HttpStatusCode.Conflict)).GetProperty("code").GetString());

        using var resent = await admin.PostAsync($"/api/v1/jobs/{Web.Hosting.Scheduling.PlatformJobs.PayoutResend}/run", null);
        Assert.Equal("succeeded", (await resent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        var paid = await ConfirmedAsync(underwriter, payout.GetProperty("reference").GetString()!);
        Assert.Equal("confirmed", paid.GetProperty("status").GetString());
        var loan = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal(0m, loan.GetProperty("balances").GetProperty("RefundPayable").GetDecimal());
        Assert.Equal(2, loan.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "Refund"));
        Assert.Equal(1, await RefundNoticesAsync(loanId));
    }

    [SkippableFact]
    public async Task A_refund_in_the_bank_file_is_posted_by_the_statement_debit_carrying_its_reference_once()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var loanId = await ClosedOwingAsync();
        using var underwriter = await platform.SignedIn("underwriter");
        using var instructed = await RefundAsync(underwriter, loanId, new { channel = "file", accountNumber = "6217000010002233", bank = "中国建设银行" }, "rf-file");
        var payout = await AcceptedAsync(instructed);
        var reference = payout.GetProperty("reference").GetString()!;
        Assert.Contains($"<EndToEndId>{reference}</EndToEndId>", (await Funding.WriteBankFileAsync(underwriter)).Xml, StringComparison.Ordinal);
        var before = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal(Overpaid, before.GetProperty("balances").GetProperty("RefundPayable").GetDecimal());

        using var agent = await platform.SignedIn("agent");
        var statement = Funding.DebitStatement(reference, Overpaid, $"R{Guid.NewGuid():N}"[..20]);
        var line = Assert.Single((await Funding.ImportAsync(agent, statement)).GetProperty("lines").EnumerateArray());
        Assert.Equal("matched", line.GetProperty("status").GetString());
        Assert.Equal(1, (await Funding.ImportAsync(agent, statement)).GetProperty("alreadySeen").GetInt32());

        var loan = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal(0m, loan.GetProperty("balances").GetProperty("RefundPayable").GetDecimal());
        Assert.Equal(2, loan.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "Refund"));
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
    }

    [SkippableFact]
    public async Task A_refund_the_customers_bank_returns_is_owed_again_and_can_be_paid_to_another_account()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var loanId = await ClosedOwingAsync();
        using var underwriter = await platform.SignedIn("underwriter");
        using var agent = await platform.SignedIn("agent");
        using var instructed = await RefundAsync(underwriter, loanId, new { channel = "file", accountNumber = "6217000010002233", bank = "中国建设银行" }, $"rf-{Guid.NewGuid():N}");
        var reference = (await AcceptedAsync(instructed)).GetProperty("reference").GetString()!;
        await Funding.WriteBankFileAsync(underwriter);
        await Funding.ImportAsync(agent, Funding.DebitStatement(reference, Overpaid, $"D{Guid.NewGuid():N}"[..20]));
        Assert.Equal(0m, (await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}")).GetProperty("balances").GetProperty("RefundPayable").GetDecimal());
        Assert.DoesNotContain((await underwriter.GetFromJsonAsync<JsonElement[]>("/api/v1/refunds?pageSize=500"))!, r => r.GetProperty("loanId").GetGuid() == loanId);

        var statement = Funding.ReturnStatement(reference, Overpaid, $"R{Guid.NewGuid():N}"[..20], "AC01", "incorrect account number");
        var line = Assert.Single((await Funding.ImportAsync(agent, statement)).GetProperty("lines").EnumerateArray());
        Assert.Equal("payout-return", line.GetProperty("matchedBy").GetString());
        Assert.Equal(1, (await Funding.ImportAsync(agent, statement)).GetProperty("alreadySeen").GetInt32());

        var loan = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal(Overpaid, loan.GetProperty("balances").GetProperty("RefundPayable").GetDecimal());
        Assert.Equal(1, loan.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "PayoutReturned"));
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
        var owed = (await underwriter.GetFromJsonAsync<JsonElement[]>("/api/v1/refunds?pageSize=500"))!.Single(r => r.GetProperty("loanId").GetGuid() == loanId);
        Assert.Equal(Overpaid, owed.GetProperty("owed").GetDecimal());
        var payout = (await underwriter.GetFromJsonAsync<JsonElement[]>("/api/v1/payouts?status=returned&pageSize=500"))!.Single(p => p.GetProperty("reference").GetString() == reference);
        Assert.Equal("returned by the payee's bank (AC01): incorrect account number", payout.GetProperty("failureReason").GetString());

        // Paid again, to the account the customer corrected, and posted once.
        using var again = await RefundAsync(underwriter, loanId, new { channel = "file", accountNumber = "6217000010002244", bank = "中国建设银行" }, $"rf-{Guid.NewGuid():N}");
        var second = (await AcceptedAsync(again)).GetProperty("reference").GetString()!;
        Assert.NotEqual(reference, second);
        await Funding.WriteBankFileAsync(underwriter);
        await Funding.ImportAsync(agent, Funding.DebitStatement(second, Overpaid, $"D{Guid.NewGuid():N}"[..20]));
        loan = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal(0m, loan.GetProperty("balances").GetProperty("RefundPayable").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
    }

    [SkippableFact]
    public async Task The_scheduled_run_pays_what_is_owed_back_to_the_card_bound_under_the_customers_mandate()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        using (customer)
        {
            await ClosedOwingAsync(loanId);
            using var asked = await customer.PostAsync("/api/v1/me/mandates/code", null);
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
            var code = await Identity.Registration.LatestCodeAsync("13800138000");
            using var bound = await customer.PostAsJsonAsync("/api/v1/me/mandates", new { cardNumber = "6222020200114455", holderName = "李娜", bank = "工商银行", code });
            Assert.True(bound.StatusCode == HttpStatusCode.Created, await bound.Content.ReadAsStringAsync());
        }

        using var admin = await platform.SignedIn("admin");
        var owed = (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/refunds?pageSize=500"))!.Single(r => r.GetProperty("loanId").GetGuid() == loanId);
        Assert.EndsWith("4455", owed.GetProperty("cardOnFile").GetString(), StringComparison.Ordinal);

        using var ran = await admin.PostAsync("/api/v1/jobs/card-refunds/run", null);
        var run = await ran.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(ran.StatusCode == HttpStatusCode.OK, run.ToString());
        Assert.Equal("succeeded", run.GetProperty("outcome").GetString());
        var payout = (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/payouts?pageSize=500"))!
            .Single(p => p.GetProperty("purpose").GetString() == "refund" && p.GetProperty("loanId").GetString() == loanId.ToString());
        Assert.EndsWith("4455", payout.GetProperty("accountNumberMasked").GetString(), StringComparison.Ordinal);

        Assert.Equal("confirmed", (await ConfirmedAsync(admin, payout.GetProperty("reference").GetString()!)).GetProperty("status").GetString());
        var loan = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal(0m, loan.GetProperty("balances").GetProperty("RefundPayable").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());

        // A second run finds nothing owed and pays nothing.
        using var again = await admin.PostAsync("/api/v1/jobs/card-refunds/run", null);
        Assert.StartsWith("0 refunds instructed", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A booked loan paid beyond its payoff by a bank transfer (above the staff limit, so a second person approves it)
    /// and then closed: <see cref="Overpaid"/> is owed back.
    /// </summary>
    private async Task<Guid> ClosedOwingAsync(Guid? existing = null)
    {
        var loanId = existing ?? await _world.BookedLoanAsync();
        using var admin = await platform.SignedIn("admin");
        using var manager = await platform.SignedIn("manager");
        var quote = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/payoff");
        var amount = quote.GetProperty("total").GetDecimal() + Overpaid;
        using var held = await PostAsync(admin, $"/api/v1/loans/{loanId}/payments", new { amount, channel = "bank-transfer", receiptReference = $"TRF-{Guid.NewGuid():N}"[..20] });
        var approvalId = (await AcceptedAsync(held)).GetProperty("approvalId").GetGuid();
        using var approved = await manager.PostAsync($"/api/v1/approvals/{approvalId}/approve", null);
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        using var closed = await PostAsync(admin, $"/api/v1/loans/{loanId}/payoff", new { amount = 0m });
        Assert.True(closed.StatusCode == HttpStatusCode.Created, await closed.Content.ReadAsStringAsync());
        return loanId;
    }

    /// <summary>Waits (a few seconds at most) for the provider's callback to settle the payout.</summary>
    private static async Task<JsonElement> ConfirmedAsync(HttpClient staff, string reference)
    {
        for (var i = 0; i < 200; i++)
        {
            var payout = (await staff.GetFromJsonAsync<JsonElement[]>("/api/v1/payouts?pageSize=500"))!.Single(p => p.GetProperty("reference").GetString() == reference);
            if (payout.GetProperty("status").GetString() != "pending")
            {
                return payout;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the provider's callback never settled the refund");
    }

    private async Task<int> RefundNoticesAsync(Guid loanId)
    {
        await using var db = platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        return await db.Outbox.AsNoTracking().CountAsync(o => o.LoanId == loanId && o.Template == "refund.paid" && o.Channel == "in-app");
    }

    private static Task<HttpResponseMessage> RefundAsync(HttpClient staff, Guid loanId, object? body, string key) =>
        PostAsync(staff, $"/api/v1/loans/{loanId}/refund", body, key);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> AcceptedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

public sealed class RefundsOnSqlite(SqlitePlatform platform) : RefundScenarios<SqlitePlatform>(platform);

public sealed class RefundsOnPostgres(PostgresPlatform platform) : RefundScenarios<PostgresPlatform>(platform);
