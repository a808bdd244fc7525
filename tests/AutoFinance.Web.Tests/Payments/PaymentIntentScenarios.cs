using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Payments;

/// <summary>
/// A customer's payment goes through the payment provider (the simulator process): an intent, the hosted checkout,
/// and only a verified callback posts the money, once. Run on SQLite and on PostgreSQL by the classes at the end.
/// </summary>
public abstract class PaymentIntentScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private readonly PaymentWorld _world = new(platform);

    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task A_customer_payment_changes_nothing_until_the_provider_confirms_it_then_posts_with_the_providers_reference()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        var entries = await _world.JournalEntriesOnAsync(loanId);

        var (paymentId, checkoutUrl) = await PaymentWorld.IntentAsync(customer, loanId, 1234.56m);
        Assert.Equal(entries, await _world.JournalEntriesOnAsync(loanId));
        Assert.Equal(0, await _world.PaymentsOnAsync(loanId));

        await PaymentWorld.ChooseOnCheckoutAsync(checkoutUrl, "pay");
        var intent = await PaymentWorld.SettledAsync(customer, loanId, paymentId);

        Assert.Equal("succeeded", intent.GetProperty("status").GetString());
        Assert.StartsWith("txn_", intent.GetProperty("providerReference").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await _world.PaymentsOnAsync(loanId));
        var loan = JsonDocument.Parse(await customer.GetStringAsync($"/api/v1/loans/{loanId}")).RootElement;
        var payment = loan.GetProperty("payments").EnumerateArray().Single();
        Assert.Equal(intent.GetProperty("postedPaymentId").GetString(), payment.GetProperty("paymentId").GetString());
        Assert.Equal(1234.56m, payment.GetProperty("amount").GetDecimal());
    }

    [SkippableFact]
    public async Task A_callback_with_a_bad_signature_or_a_stale_timestamp_is_refused_and_posts_nothing()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        var (paymentId, _) = await PaymentWorld.IntentAsync(customer, loanId, 500m);
        var body = PaymentWorld.CallbackBody(paymentId, "checkout.succeeded", 500m, "txn_forged", "evt_forged");

        using var forged = await _world.CallbackAsync(body, secret: Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        using var unsigned = await _world.CallbackAsync(body, signature: "sha256=" + new string('0', 64));
        using var stale = await _world.CallbackAsync(body, at: DateTimeOffset.UtcNow.AddMinutes(-6));
        using var early = await _world.CallbackAsync(body, at: DateTimeOffset.UtcNow.AddMinutes(6));

        Assert.All(new[] { forged, unsigned, stale, early }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Contains("callback.timestamp.stale", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("callback.signature.invalid", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await _world.PaymentsOnAsync(loanId));
        Assert.Equal("pending", (await PaymentWorld.IntentViewAsync(customer, loanId, paymentId)).GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task One_callback_delivered_five_times_posts_once()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        var (paymentId, _) = await PaymentWorld.IntentAsync(customer, loanId, 800m);
        var body = PaymentWorld.CallbackBody(paymentId, "checkout.succeeded", 800m, $"txn_{Guid.NewGuid():N}", $"evt_{Guid.NewGuid():N}");

        var deliveries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _world.CallbackAsync(body)));

        Assert.All(deliveries, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await _world.PaymentsOnAsync(loanId));
        var entries = await _world.JournalEntriesOnAsync(loanId);
        using var replayed = await _world.CallbackAsync(body);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("repeated", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(entries, await _world.JournalEntriesOnAsync(loanId));
        foreach (var response in deliveries)
        {
            response.Dispose();
        }
    }

    [SkippableFact]
    public async Task Successes_of_several_payments_on_one_loan_arriving_at_once_each_post_once()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        var intents = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            intents.Add((await PaymentWorld.IntentAsync(customer, loanId, 100m + i)).PaymentId);
        }

        var deliveries = await Task.WhenAll(intents.Select((id, i) =>
            _world.CallbackAsync(PaymentWorld.CallbackBody(id, "checkout.succeeded", 100m + i, $"txn_{Guid.NewGuid():N}", $"evt_{Guid.NewGuid():N}"))));

        foreach (var response in deliveries)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            Assert.Contains("posted", text, StringComparison.Ordinal);
            response.Dispose();
        }

        var posted = new List<Guid>();
        foreach (var id in intents)
        {
            var intent = await PaymentWorld.IntentViewAsync(customer, loanId, id);
            Assert.Equal("succeeded", intent.GetProperty("status").GetString());
            posted.Add(intent.GetProperty("postedPaymentId").GetGuid());
        }

        Assert.Equal(6, posted.Distinct().Count());
        var loan = JsonDocument.Parse(await customer.GetStringAsync($"/api/v1/loans/{loanId}")).RootElement;
        var payments = loan.GetProperty("payments").EnumerateArray().ToList();
        Assert.Equal(posted.Order(), payments.Select(p => p.GetProperty("paymentId").GetGuid()).Order());
        Assert.Equal(615m, payments.Sum(p => p.GetProperty("amount").GetDecimal()));
    }

    [SkippableFact]
    public async Task The_providers_own_retries_and_resends_of_a_success_post_once()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        var (paymentId, checkoutUrl) = await PaymentWorld.IntentAsync(customer, loanId, 300m);
        await PaymentWorld.ChooseOnCheckoutAsync(checkoutUrl, "pay");
        await PaymentWorld.SettledAsync(customer, loanId, paymentId);

        var sent = Assert.Single(await PaymentWorld.SandboxEventsAsync(paymentId));
        Assert.True(sent.GetProperty("acknowledged").GetBoolean());
        for (var i = 0; i < 4; i++)
        {
            using var resend = await PaymentWorld.SandboxAsync($"events/{sent.GetProperty("eventId").GetString()}/resend");
            Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        }

        Assert.Equal(1, await _world.PaymentsOnAsync(loanId));
    }

    [SkippableFact]
    public async Task A_declined_and_an_expired_checkout_are_shown_to_the_customer_and_post_nothing()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        var (declined, declinedUrl) = await PaymentWorld.IntentAsync(customer, loanId, 200m);
        var (leftAlone, leftAloneUrl) = await PaymentWorld.IntentAsync(customer, loanId, 210m);

        await PaymentWorld.ChooseOnCheckoutAsync(declinedUrl, "decline");
        using (var expire = await PaymentWorld.SandboxAsync($"checkouts/{leftAloneUrl.Segments[^1]}/expire"))
        {
            Assert.Equal(HttpStatusCode.OK, expire.StatusCode);
        }

        Assert.Equal("failed", (await PaymentWorld.SettledAsync(customer, loanId, declined)).GetProperty("status").GetString());
        Assert.Equal("expired", (await PaymentWorld.SettledAsync(customer, loanId, leftAlone)).GetProperty("status").GetString());
        var listed = JsonDocument.Parse(await customer.GetStringAsync($"/api/v1/loans/{loanId}/payment-intents")).RootElement;
        Assert.Equal(new[] { "expired", "failed" }, listed.EnumerateArray().Select(i => i.GetProperty("status").GetString()!).ToArray());
        Assert.Equal(0, await _world.PaymentsOnAsync(loanId));
        // The customer's page says why in their language; the checkout they left says only that it timed out.
        var receipt = await customer.GetStringAsync($"/loans/{loanId}/payments/{declined}");
        Assert.Contains("原因：付款在支付页面被拒绝或取消", receipt, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"receipt-reason\"", await customer.GetStringAsync($"/loans/{loanId}/payments/{leftAlone}"), StringComparison.Ordinal);

        // The customer is told of the failed payment (in the inbox and by SMS), not of the checkout they left.
        using var scope = platform.App.Services.CreateScope();
        var notices = await scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.AutoFinanceDbContext>().Outbox.AsNoTracking()
            .Where(m => m.LoanId == loanId && m.Template == "payment.failed").ToListAsync();
        Assert.Equal(["in-app", "sms"], notices.Where(m => m.DedupeKey.Contains(declined.ToString(), StringComparison.Ordinal)).Select(m => m.Channel).Order().ToArray());
        Assert.DoesNotContain(notices, m => m.DedupeKey.Contains(leftAlone.ToString(), StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_payoff_paid_after_another_payment_moved_its_quote_is_posted_and_pays_the_loan_off_owing_the_difference_back()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        var quoted = JsonDocument.Parse(await customer.GetStringAsync($"/api/v1/loans/{loanId}/payoff")).RootElement.GetProperty("total").GetDecimal();
        var payoff = await StartPayoffAsync(customer, loanId);
        Assert.Equal(quoted, payoff.Amount);

        // Before the payoff's checkout is paid, another payment of ¥1,000 is posted: the payoff now takes less.
        var (other, otherCheckout) = await PaymentWorld.IntentAsync(customer, loanId, 1_000m);
        await PaymentWorld.ChooseOnCheckoutAsync(otherCheckout, "pay");
        Assert.Equal("succeeded", (await PaymentWorld.SettledAsync(customer, loanId, other)).GetProperty("status").GetString());
        var requoted = JsonDocument.Parse(await customer.GetStringAsync($"/api/v1/loans/{loanId}/payoff")).RootElement.GetProperty("total").GetDecimal();
        Assert.True(requoted < quoted);

        await PaymentWorld.ChooseOnCheckoutAsync(payoff.CheckoutUrl, "pay");
        var settled = await PaymentWorld.SettledAsync(customer, loanId, payoff.PaymentId);
        Assert.Equal("succeeded", settled.GetProperty("status").GetString());
        Assert.True(settled.GetProperty("failureReason").ValueKind == JsonValueKind.Null, settled.ToString());

        // The money is on the loan: it is paid off, and what the customer paid beyond the new payoff is owed back to them.
        using var underwriter = await platform.SignedIn("underwriter");
        var loan = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal("closed", loan.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(quoted - requoted, loan.GetProperty("balances").GetProperty("RefundPayable").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("balances").TryGetProperty("LoanPrincipalReceivable", out var principal) ? principal.GetDecimal() : 0m);
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
    }

    [SkippableFact]
    public async Task Money_for_a_loan_closed_meanwhile_waits_in_suspense_for_staff_and_is_never_lost()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        // The customer opens the payoff's checkout twice (two tabs) and pays both.
        var first = await StartPayoffAsync(customer, loanId);
        var second = await StartPayoffAsync(customer, loanId);
        await PaymentWorld.ChooseOnCheckoutAsync(first.CheckoutUrl, "pay");
        Assert.Equal("succeeded", (await PaymentWorld.SettledAsync(customer, loanId, first.PaymentId)).GetProperty("status").GetString());
        await PaymentWorld.ChooseOnCheckoutAsync(second.CheckoutUrl, "pay");
        var settled = await PaymentWorld.SettledAsync(customer, loanId, second.PaymentId);
        Assert.Equal("succeeded", settled.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, settled.GetProperty("postedPaymentId").ValueKind);
        Assert.Contains("suspense", settled.GetProperty("failureReason").GetString(), StringComparison.Ordinal);

        // The second payment is on the reconciliation worklist, naming the loan, for staff to return to the payer.
        using var agent = await platform.SignedIn("agent");
        var line = (await agent.GetFromJsonAsync<JsonElement>("/api/v1/reconciliation/lines?status=unmatched")).EnumerateArray()
            .Single(l => l.GetProperty("entryReference").GetString() == $"{PaymentWorld.Provider}:{settled.GetProperty("providerReference").GetString()}");
        Assert.Equal(second.Amount, line.GetProperty("amount").GetDecimal());
        // The payer is the loan's customer (Li Na), masked as the worklist masks every payer.
        Assert.Equal("L***", line.GetProperty("payerName").GetString());
        Assert.Contains(second.PaymentId.ToString(), line.GetProperty("references").GetString(), StringComparison.Ordinal);
        // Staff read why in their own language: the note keeps the loan's refusal by its code.
        var note = SuspenseNotes.Read(line.GetProperty("note").GetString()!);
        Assert.Equal(SuspenseNotes.Kind.NotPosted, note.Kind);
        Assert.Equal(second.PaymentId.ToString(), note.Payment);
        Assert.True(AutoFinance.Web.Components.Localization.UiProblems.Knows(note.Code), $"the pages have no text for {note.Code}");
        var worklist = await agent.GetStringAsync("/reconciliation");
        Assert.Contains("的款项（付款", worklist, StringComparison.Ordinal);
        Assert.Contains("未能入账：", worklist, StringComparison.Ordinal);
        Assert.DoesNotContain("but not posted", worklist, StringComparison.Ordinal);
        using var returned = await agent.PostAsJsonAsync($"/api/v1/reconciliation/lines/{line.GetProperty("lineId").GetString()}/return", new { reason = "paid twice; refunded through the provider" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        using var underwriter = await platform.SignedIn("underwriter");
        var loan = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal("closed", loan.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
    }

    /// <summary>
    /// A customer who pays exactly today's payoff through the ordinary payment form, asking for the surplus to be
    /// prepaid, has paid the loan off: it closes, rather than staying open with a cent of principal and credit beside it.
    /// </summary>
    [SkippableFact]
    public async Task Paying_exactly_todays_payoff_as_an_ordinary_payment_pays_the_loan_off()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        var quoted = JsonDocument.Parse(await customer.GetStringAsync($"/api/v1/loans/{loanId}/payoff")).RootElement.GetProperty("total").GetDecimal();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/payments") { Content = JsonContent.Create(new { amount = quoted, surplus = "prepay" }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var started = await customer.SendAsync(request);
        var intent = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, intent.ToString());

        await PaymentWorld.ChooseOnCheckoutAsync(new Uri(intent.GetProperty("checkoutUrl").GetString()!), "pay");
        Assert.Equal("succeeded", (await PaymentWorld.SettledAsync(customer, loanId, intent.GetProperty("paymentId").GetGuid())).GetProperty("status").GetString());

        using var underwriter = await platform.SignedIn("underwriter");
        var loan = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal("closed", loan.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(0m, loan.GetProperty("credit").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("balances").TryGetProperty("RefundPayable", out var refund) ? refund.GetDecimal() : 0m);
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());

        // The customer is told the loan is finished, once, beside the receipt.
        await using var db = _world.Db();
        var closing = await db.Outbox.AsNoTracking().Where(m => m.LoanId == loanId && m.Template == "loan.closed" && m.Channel == "in-app").ToListAsync();
        Assert.Contains(loan.GetProperty("summary").GetProperty("reference").GetString()!, Assert.Single(closing).Body, StringComparison.Ordinal);
    }

    /// <summary>
    /// When the credit a loan holds covers its payoff, the customer pays it off with nothing more to pay: no checkout
    /// for nothing, and no silent refusal of a zero amount.
    /// </summary>
    [SkippableFact]
    public async Task A_loan_whose_credit_covers_the_payoff_is_paid_off_by_the_customer_with_nothing_more_to_pay()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        var quoted = JsonDocument.Parse(await customer.GetStringAsync($"/api/v1/loans/{loanId}/payoff")).RootElement.GetProperty("total").GetDecimal();
        // A transfer of the whole payoff, received at the branch and held as credit once a second person approves it.
        using var admin = await platform.SignedIn("admin");
        using var manager = await platform.SignedIn("manager");
        using var receipt = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/payments") { Content = JsonContent.Create(new { amount = quoted, surplus = "hold", channel = "bank-transfer", receiptReference = "TRF-20261207-0042" }) };
        receipt.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var held = await admin.SendAsync(receipt);
        var pending = await held.Content.ReadFromJsonAsync<JsonElement>();
        if (held.StatusCode == HttpStatusCode.Accepted)
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/approvals/{pending.GetProperty("approvalId").GetGuid()}/approve", null)).StatusCode);
        }

        Assert.Equal(0m, JsonDocument.Parse(await customer.GetStringAsync($"/api/v1/loans/{loanId}/payoff")).RootElement.GetProperty("total").GetDecimal());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/payoff") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var paidOff = await customer.SendAsync(request);

        var text = await paidOff.Content.ReadAsStringAsync();
        Assert.True(paidOff.StatusCode == HttpStatusCode.Created, text);
        var loan = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal("closed", loan.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
        Assert.DoesNotContain((await customer.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/payment-intents")).EnumerateArray(), i => i.GetProperty("kind").GetString() == "payoff");
    }

    [SkippableFact]
    public async Task An_amount_above_the_payoff_is_refused_with_a_problem_naming_the_payoff_amount()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        var payoff = JsonDocument.Parse(await customer.GetStringAsync($"/api/v1/loans/{loanId}/payoff")).RootElement.GetProperty("total").GetDecimal();

        using var response = await PaymentWorld.PayAsync(customer, loanId, 100_000_000m);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("payment.amount.exceeds_payoff", problem.GetProperty("code").GetString());
        Assert.Equal(payoff, decimal.Parse(problem.GetProperty("parameters").GetProperty("payoffAmount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(payoff.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await _world.PaymentsOnAsync(loanId));
    }

    /// <summary>A payoff intent for today's payoff: its id, amount and the provider's checkout address.</summary>
    private static async Task<(Guid PaymentId, decimal Amount, Uri CheckoutUrl)> StartPayoffAsync(HttpClient customer, Guid loanId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/payoff") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var started = await customer.SendAsync(request);
        var intent = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, intent.ToString());
        return (intent.GetProperty("paymentId").GetGuid(), intent.GetProperty("amount").GetDecimal(), new Uri(intent.GetProperty("checkoutUrl").GetString()!));
    }
}

public sealed class PaymentIntentsOnSqlite(SqlitePlatform platform) : PaymentIntentScenarios<SqlitePlatform>(platform);

public sealed class PaymentIntentsOnPostgres(PostgresPlatform platform) : PaymentIntentScenarios<PostgresPlatform>(platform);
