using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Tests.Identity;
using AutoFinance.Web.Tests.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Web.Tests.Payments;

/// <summary>
/// Direct debit as a customer and the lender live it: a card bound with the code texted to the customer, the due
/// instalment asked of the provider on its due date, a decline that posts nothing, the retry the next day that posts
/// the money once, and a revoked mandate that is never debited again.
/// </summary>
public abstract class DirectDebitScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture, IClockedPlatform
{
    // A sandbox card that declines every other debit: the first attempt fails, the retry succeeds.
    private const string EveryOtherDeclines = "6222020200110002";

    // A sandbox card whose first debit request under a reference is answered 503 without being taken.
    private const string FirstRequestLost = "6222020200110503";

    private readonly PaymentWorld _world = new(platform);

    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task A_direct_debit_that_fails_once_is_retried_the_next_day_and_posts_the_instalment_once()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        // The sandbox card declines every other debit, so this loan must be the only one asked.
        await OnlyLoanOfItsCustomerAsync(loanId);
        var (due, owed) = await FirstInstalmentAsync(customer, loanId);

        var mandate = await BindAsync(customer, EveryOtherDeclines);
        Assert.Equal("6222 **** **** 0002", mandate.GetProperty("maskedCard").GetString());
        await using (var db = _world.Db())
        {
            var row = await db.Set<MandateRow>().AsNoTracking().SingleAsync(m => m.Id == mandate.GetProperty("mandateId").GetGuid());
            Assert.DoesNotContain(EveryOtherDeclines, JsonSerializer.Serialize(row), StringComparison.Ordinal);
        }

        // The due date: the provider is asked for the instalment and declines it; nothing is posted.
        MoveTo(due);
        customer = await platform.SignedIn("13800138000");
        using var manager = await platform.SignedIn("manager");
        var declined = await RunAndSettleAsync(manager, customer, loanId, due);
        Assert.Equal("failed", declined.GetProperty("status").GetString());
        Assert.Equal(owed, declined.GetProperty("amount").GetDecimal());
        Assert.Equal(0, await _world.PaymentsOnAsync(loanId));

        // The same day run again asks nothing more.
        using (var again = await manager.PostAsync($"/api/v1/servicing/direct-debits/run?date={due:yyyy-MM-dd}", null))
        {
            Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyRequested").GetInt32() >= 1);
        }

        Assert.Single(await DebitsAsync(customer, loanId));

        // D+1: the retry succeeds and the instalment is posted once, as a direct debit.
        MoveTo(due.AddDays(1));
        customer = await platform.SignedIn("13800138000");
        using var nextDay = await platform.SignedIn("manager");
        var paid = await RunAndSettleAsync(nextDay, customer, loanId, due.AddDays(1));
        Assert.Equal("succeeded", paid.GetProperty("status").GetString());
        await using (var db = _world.Db())
        {
            var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.LoanId == loanId);
            Assert.Equal(owed, payment.Amount);
            Assert.Equal("direct-debit", payment.Channel);
        }

        var schedule = (await customer.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}")).GetProperty("schedule");
        Assert.Equal("paid", schedule[0].GetProperty("status").GetString());

        // Revoked: the next instalment's due date asks nothing.
        using (var revoked = await customer.DeleteAsync($"/api/v1/me/mandates/{mandate.GetProperty("mandateId").GetGuid()}"))
        {
            Assert.Equal("revoked", (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        var nextDue = DateOnly.Parse(schedule[1].GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);
        MoveTo(nextDue);
        customer = await platform.SignedIn("13800138000");
        using var lastDay = await platform.SignedIn("manager");
        using var later = await lastDay.PostAsync($"/api/v1/servicing/direct-debits/run?date={nextDue:yyyy-MM-dd}", null);
        Assert.Equal(2, (await DebitsAsync(customer, loanId)).Count);
    }

    /// <summary>A run for a day not yet come would take customers' money before it falls due: it is refused, and nothing is asked.</summary>
    [SkippableFact]
    public async Task A_direct_debit_run_for_a_day_after_today_is_refused_and_debits_nobody()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        var (due, _) = await FirstInstalmentAsync(customer, loanId);
        using var manager = await platform.SignedIn("manager");
        var today = DateOnly.FromDateTime(platform.Clock.GetLocalNow().DateTime);
        Assert.True(due > today);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/servicing/direct-debits/run?date={due:yyyy-MM-dd}");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        using var refused = await manager.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("business-date.after-today", problem.GetProperty("code").GetString());
        Assert.Equal("日期不能晚于今天", Assert.Single(problem.GetProperty("errors").GetProperty("date").EnumerateArray()).GetString());
        Assert.Empty(await DebitsAsync(customer, loanId));
    }

    [SkippableFact]
    public async Task A_direct_debit_whose_request_went_unanswered_stays_pending_and_is_charged_once_when_sent_again()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer, due, owed, waiting) = await UnansweredOnItsDueDateAsync();
        Assert.Equal("pending", waiting.GetProperty("status").GetString());
        Assert.Equal(owed, waiting.GetProperty("amount").GetDecimal());

        // The next day's run sends the same debit again under its reference; the provider takes it once and it is posted once.
        MoveTo(due.AddDays(1));
        customer = await platform.SignedIn("13800138000");
        using var nextDay = await platform.SignedIn("manager");
        var second = await RunAsync(nextDay, due.AddDays(1));
        Assert.Equal(1, second.GetProperty("sentAgain").GetProperty("taken").GetInt32());
        Assert.Equal(0, second.GetProperty("requested").GetInt32());
        var paid = await PaymentWorld.SettledAsync(customer, loanId, waiting.GetProperty("paymentId").GetGuid());
        Assert.Equal("succeeded", paid.GetProperty("status").GetString());
        Assert.Single(await DebitsAsync(customer, loanId));
        await using var db = _world.Db();
        var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.LoanId == loanId);
        Assert.Equal(owed, payment.Amount);
        Assert.Equal("direct-debit", payment.Channel);
    }

    [SkippableFact]
    public async Task An_unanswered_direct_debit_the_customer_has_paid_otherwise_is_not_sent_again()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer, due, owed, waiting) = await UnansweredOnItsDueDateAsync();

        // The customer pays the instalment at the checkout meanwhile: sent again, the debit would charge them twice.
        var (paymentId, checkout) = await PaymentWorld.IntentAsync(customer, loanId, owed);
        await PaymentWorld.ChooseOnCheckoutAsync(checkout, "pay");
        Assert.Equal("succeeded", (await PaymentWorld.SettledAsync(customer, loanId, paymentId)).GetProperty("status").GetString());

        MoveTo(due.AddDays(1));
        customer = await platform.SignedIn("13800138000");
        using var nextDay = await platform.SignedIn("manager");
        var run = await RunAsync(nextDay, due.AddDays(1));
        Assert.Equal(1, run.GetProperty("sentAgain").GetProperty("failed").GetInt32());
        Assert.Equal(0, run.GetProperty("requested").GetInt32());
        var debit = (await DebitsAsync(customer, loanId)).Single();
        Assert.Equal("failed", debit.GetProperty("status").GetString());
        Assert.Empty(await PaymentWorld.SandboxEventsAsync(waiting.GetProperty("paymentId").GetGuid()));
        Assert.Equal(1, await _world.PaymentsOnAsync(loanId));
    }

    [SkippableFact]
    public async Task A_card_is_bound_only_with_the_code_texted_to_the_customer()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (_, customer) = await _world.CustomersLoanAsync();

        using var wrong = await customer.PostAsJsonAsync("/api/v1/me/mandates", new { cardNumber = "6222020200119999", holderName = "李娜", bank = "工商银行", code = "000000" });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("code", out _));
        var mine = await customer.GetFromJsonAsync<JsonElement>("/api/v1/me/mandates");
        Assert.DoesNotContain(mine.EnumerateArray(), m => m.GetProperty("maskedCard").GetString()!.EndsWith("9999", StringComparison.Ordinal));
    }

    /// <summary>
    /// A loan of Li Na's whose first instalment is asked of a card whose first request the provider answers 503 on the
    /// due date: the provider may or may not hold the debit, so it is neither failed nor asked anew.
    /// </summary>
    /// <summary>
    /// A made-up slot and a staff run can start at one moment: whichever stores the loan's request for the day first
    /// asks the card, and the database refuses a second request of one loan and day however the runs interleave.
    /// </summary>
    [SkippableFact]
    public async Task Two_runs_of_one_day_at_once_ask_the_card_once_and_the_database_takes_one_request_per_loan_and_day()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        await OnlyLoanOfItsCustomerAsync(loanId);
        var (due, owed) = await FirstInstalmentAsync(customer, loanId);
        var mandate = await BindAsync(customer, "6222020200117777");
        MoveTo(due);
        customer = await platform.SignedIn("13800138000");
        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");

        var runs = await Task.WhenAll(RunAsync(manager, due), RunAsync(admin, due));

        Assert.Equal(1, runs.Sum(r => r.GetProperty("requested").GetInt32()));
        var debit = Assert.Single(await DebitsAsync(customer, loanId));
        Assert.Equal(owed, debit.GetProperty("amount").GetDecimal());
        await using var db = _world.Db();
        var stored = await db.Set<PaymentIntentRow>().AsNoTracking().SingleAsync(i => i.LoanId == loanId && i.Kind == DirectDebitRun.DebitKind);
        db.Set<PaymentIntentRow>().Add(new PaymentIntentRow
        {
            Id = Guid.NewGuid(),
            LoanId = loanId,
            Kind = DirectDebitRun.DebitKind,
            Amount = owed,
            Currency = stored.Currency,
            Surplus = "hold",
            Provider = stored.Provider,
            CreatedBy = "system:direct-debit",
            DebitRequestId = stored.DebitRequestId,
            CreatedAt = stored.CreatedAt,
        });
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(UniqueViolation.Is(refused, nameof(PaymentIntentRow.DebitRequestId)), refused.InnerException?.Message);

        // The card is let go, so the class's other scenarios debit only the cards they bind.
        using var revoked = await customer.DeleteAsync($"/api/v1/me/mandates/{mandate.GetProperty("mandateId").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
    }

    private async Task<(Guid LoanId, HttpClient Customer, DateOnly Due, decimal Owed, JsonElement Waiting)> UnansweredOnItsDueDateAsync()
    {
        var (loanId, customer) = await _world.CustomersLoanAsync();
        await OnlyLoanOfItsCustomerAsync(loanId);
        var (due, owed) = await FirstInstalmentAsync(customer, loanId);
        await BindAsync(customer, FirstRequestLost);
        MoveTo(due);
        customer = await platform.SignedIn("13800138000");
        using var manager = await platform.SignedIn("manager");
        var first = await RunAsync(manager, due);
        Assert.Equal(0, first.GetProperty("requested").GetInt32());
        Assert.Equal(1, first.GetProperty("unanswered").GetInt32());
        return (loanId, customer, due, owed, Assert.Single(await DebitsAsync(customer, loanId)));
    }

    /// <summary>Li Na's other loans are set aside, so this loan is the only one her card is asked for.</summary>
    private async Task OnlyLoanOfItsCustomerAsync(Guid loanId)
    {
        await using var db = _world.Db();
        var customerId = (await db.Loans.SingleAsync(l => l.Id == loanId)).CustomerId;
        foreach (var other in await db.Loans.Where(l => l.CustomerId == customerId && l.Id != loanId).ToListAsync())
        {
            other.CustomerId = Guid.NewGuid();
        }

        await db.SaveChangesAsync();
    }

    private static async Task<(DateOnly Due, decimal Owed)> FirstInstalmentAsync(HttpClient customer, Guid loanId)
    {
        var first = (await customer.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}")).GetProperty("schedule")[0];
        return (DateOnly.Parse(first.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture), first.GetProperty("payment").GetDecimal());
    }

    private static async Task<JsonElement> BindAsync(HttpClient customer, string cardNumber)
    {
        using var asked = await customer.PostAsync("/api/v1/me/mandates/code", null);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var code = await Registration.LatestCodeAsync("13800138000");
        using var bound = await customer.PostAsJsonAsync("/api/v1/me/mandates", new { cardNumber, holderName = "李娜", bank = "工商银行", code });
        var text = await bound.Content.ReadAsStringAsync();
        Assert.True(bound.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Runs the day's debits and waits for the provider's callback on this loan's newest debit.</summary>
    private static async Task<JsonElement> RunAndSettleAsync(HttpClient manager, HttpClient customer, Guid loanId, DateOnly day)
    {
        await RunAsync(manager, day);
        var newest = (await DebitsAsync(customer, loanId)).OrderByDescending(d => d.GetProperty("createdAt").GetDateTimeOffset()).First();
        return await PaymentWorld.SettledAsync(customer, loanId, newest.GetProperty("paymentId").GetGuid());
    }

    private static async Task<JsonElement> RunAsync(HttpClient manager, DateOnly day)
    {
        using var run = await manager.PostAsync($"/api/v1/servicing/direct-debits/run?date={day:yyyy-MM-dd}", null);
        var text = await run.Content.ReadAsStringAsync();
        Assert.True(run.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<List<JsonElement>> DebitsAsync(HttpClient client, Guid loanId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/payment-intents")).EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "debit").Select(i => i.Clone())];

    private void MoveTo(DateOnly date)
    {
        var target = new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        if (target > platform.Clock.Now)
        {
            platform.Clock.Now = target;
        }
    }
}

public sealed class DirectDebitOnSqlite(ClockedPlatform platform) : DirectDebitScenarios<ClockedPlatform>(platform);

public sealed class DirectDebitOnPostgres(ClockedPostgresPlatform platform) : DirectDebitScenarios<ClockedPostgresPlatform>(platform);
