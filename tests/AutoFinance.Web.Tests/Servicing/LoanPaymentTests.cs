using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Tests.Origination;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Servicing;

/// <summary>A loan from application to payments: allocation to the cent, overpayment held, idempotent retries, the ledger balanced.</summary>
public sealed class LoanPaymentTests(ClockedPlatform platform) : IClassFixture<ClockedPlatform>
{
    [Fact]
    public async Task Payments_are_allocated_interest_first_to_the_cent_and_the_ledger_stays_balanced()
    {
        var (loanId, first) = await BookALoan();
        platform.Clock.Now = platform.Clock.Now.AddMonths(1).AddDays(3);
        using var agent = await platform.SignedIn("agent");
        var interest = first.GetProperty("interest").GetDecimal();
        var payment = first.GetProperty("payment").GetDecimal();

        // Short by 100.00: the instalment's interest is paid in full, its principal in part.
        var partial = await Pay(agent, loanId, payment - 100m, "pay-1");
        var allocation = partial.GetProperty("allocation")[0];
        Assert.Equal(interest, allocation.GetProperty("interest").GetDecimal());
        Assert.Equal(payment - 100m - interest, allocation.GetProperty("principal").GetDecimal());
        Assert.Equal(0m, partial.GetProperty("overpayment").GetDecimal());

        // The same key again is the same payment, stored once.
        var retried = await Pay(agent, loanId, payment - 100m, "pay-1");
        Assert.Equal(partial.GetProperty("paymentId").GetString(), retried.GetProperty("paymentId").GetString());

        // 150.00 more: 100.00 completes the instalment, 50.00 is held for the customer.
        var rest = await Pay(agent, loanId, 150m, "pay-2");
        Assert.Equal(100m, rest.GetProperty("allocated").GetDecimal());
        Assert.Equal(50m, rest.GetProperty("overpayment").GetDecimal());

        var loan = JsonDocument.Parse(await agent.GetStringAsync($"/api/v1/loans/{loanId}")).RootElement;
        var balances = loan.GetProperty("balances");
        var principal = loan.GetProperty("summary").GetProperty("principal").GetDecimal();
        Assert.Equal(principal - first.GetProperty("principal").GetDecimal(), balances.GetProperty("LoanPrincipalReceivable").GetDecimal());
        Assert.Equal(0m, balances.GetProperty("InterestReceivable").GetDecimal());
        Assert.Equal(50m, balances.GetProperty("CustomerOverpayment").GetDecimal());
        Assert.Equal(interest, balances.GetProperty("InterestIncome").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
        using var scope = platform.App.Services.CreateScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().Payments.CountAsync(p => p.LoanId == Guid.Parse(loanId)));
    }

    [Fact]
    public async Task A_payment_that_is_not_positive_whole_cents_is_refused_by_field()
    {
        var (loanId, _) = await BookALoan();
        using var agent = await platform.SignedIn("agent");

        var response = await agent.PostAsJsonAsync($"/api/v1/loans/{loanId}/payments", new { amount = 10.001m });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("amount", out _));
    }

    [Fact]
    public async Task Every_problem_with_a_payment_is_named_at_once_and_nothing_is_posted()
    {
        var (loanId, _) = await BookALoan();
        using var agent = await platform.SignedIn("agent");
        using var scope = platform.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var entries = await db.JournalEntries.CountAsync(e => e.LoanId == Guid.Parse(loanId));

        var response = await agent.PostAsJsonAsync($"/api/v1/loans/{loanId}/payments", new { amount = -5m, paidOn = "2099-01-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("amount", out _));
        Assert.True(errors.TryGetProperty("paidOn", out _));
        Assert.Equal(entries, await db.JournalEntries.CountAsync(e => e.LoanId == Guid.Parse(loanId)));
    }

    [Fact]
    public async Task End_of_day_ages_a_missed_instalment_once_and_a_rerun_changes_nothing()
    {
        var (loanId, first) = await BookALoan();
        var dueDate = DateOnly.Parse(first.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var businessDate = dueDate.AddDays(10);
        using var scope = platform.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var endOfDay = new Infrastructure.Servicing.EndOfDay(db, platform.Clock);

        var firstRun = await endOfDay.RunAsync(businessDate, new Infrastructure.Servicing.CobOptions(), CancellationToken.None);
        var entriesAfterFirst = await db.JournalEntries.CountAsync(e => e.LoanId == Guid.Parse(loanId));
        var secondRun = await endOfDay.RunAsync(businessDate, new Infrastructure.Servicing.CobOptions(), CancellationToken.None);

        Assert.True(firstRun.Loans >= 1);
        Assert.Equal(0, secondRun.Loans);
        Assert.Equal(entriesAfterFirst, await db.JournalEntries.CountAsync(e => e.LoanId == Guid.Parse(loanId)));
        var loan = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(loanId));
        Assert.Equal(10, loan.DaysPastDue);
        Assert.Equal("1-30", loan.Bucket);
        using var agent = await platform.SignedIn("agent");
        var view = JsonDocument.Parse(await agent.GetStringAsync($"/api/v1/loans/{loanId}")).RootElement;
        Assert.Equal(first.GetProperty("interest").GetDecimal(), view.GetProperty("balances").GetProperty("InterestReceivable").GetDecimal());
        Assert.Equal(0m, view.GetProperty("trialBalanceNet").GetDecimal());
    }

    private async Task<(string LoanId, JsonElement FirstInstallment)> BookALoan()
    {
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");
        var decision = JsonDocument.Parse(await (await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime())).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("approved", decision.GetProperty("status").GetString());
        var applicationId = decision.GetProperty("applicationId").GetString();
        var offerId = decision.GetProperty("offers")[0].GetProperty("offerId").GetString();
        var contract = JsonDocument.Parse(await (await dealer.PostAsync($"/api/v1/applications/{applicationId}/offers/{offerId}/accept", null)).Content.ReadAsStringAsync()).RootElement;
        var booked = JsonDocument.Parse(await (await underwriter.PostAsync($"/api/v1/contracts/{contract.GetProperty("contractId").GetString()}/disburse", null)).Content.ReadAsStringAsync()).RootElement;
        var loanId = booked.GetProperty("loanId").GetString()!;
        var loan = JsonDocument.Parse(await underwriter.GetStringAsync($"/api/v1/loans/{loanId}")).RootElement;
        return (loanId, loan.GetProperty("schedule")[0].Clone());
    }

    private static async Task<JsonElement> Pay(HttpClient client, string loanId, decimal amount, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/payments") { Content = JsonContent.Create(new { amount }) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
