using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing.Reminders;
using AutoFinance.Infrastructure.Messaging;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Payouts;

/// <summary>A dealer whose payout failed is told in its inbox, once, in its language, which application and amount, why, and what to do.</summary>
public abstract partial class PayoutScenarios<TPlatform>
{
    [SkippableFact]
    public async Task A_dealers_inbox_points_to_its_desk_never_to_the_customers_help_desk()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var desk = await platform.SignedIn("dealer");
        var page = await desk.GetStringAsync("/inbox");
        Assert.DoesNotContain("href=\"/help\"", page, StringComparison.Ordinal);
        // Empty unless another scenario failed a payout to this dealer first; then it lists the notices instead.
        Assert.True(!page.Contains("data-testid=\"inbox-empty\"", StringComparison.Ordinal)
            || page.Contains("href=\"/applications\" data-testid=\"inbox-empty-next\"", StringComparison.Ordinal), "the empty inbox points to the dealer's desk");
    }

    [SkippableFact]
    public async Task A_dealer_is_told_once_in_its_language_that_its_payout_failed_why_and_to_give_a_new_settlement_account()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");
        using var underwriter = await platform.SignedIn("underwriter");
        // The provider's sandbox refuses payouts to an account ending 0009 (account closed).
        var (contractId, _) = await DisburseToSecondDealerAsync(manager, admin, underwriter, "6214830100220000009");
        var payout = Assert.Single((await Funding.SettledAsync(underwriter, contractId)).GetProperty("payouts").EnumerateArray());
        Assert.Equal("failed", payout.GetProperty("status").GetString());
        var payoutId = payout.GetProperty("payoutId").GetString()!;
        var amount = payout.GetProperty("amount").GetDecimal();

        // The provider delivers its failure a second time.
        using var sandbox = new HttpClient { BaseAddress = await TestSimulator.AddressAsync() };
        var events = await sandbox.GetFromJsonAsync<JsonElement>($"/payments/v1/sandbox/events?merchantReference={payout.GetProperty("reference").GetString()}");
        var failed = events.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "payout.failed");
        using var resent = await sandbox.PostAsync($"/payments/v1/sandbox/events/{failed.GetProperty("eventId").GetString()}/resend", null);
        Assert.True((await resent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledged").GetBoolean());

        var dealerId = await DealerIdAsync(DemoData.SecondDealerKey);
        string application;
        await using (var db = Db())
        {
            var references = await db.Contracts.AsNoTracking().Where(c => c.Id == Guid.Parse(contractId))
                .Join(db.Applications, c => c.ApplicationId, a => a.Id, (c, a) => new { Contract = c.Reference, Application = a.Reference }).SingleAsync();
            (var contract, application) = (references.Contract, references.Application);
            var notice = Assert.Single(await db.Outbox.AsNoTracking().Where(m => m.DedupeKey.Contains(payoutId)).ToListAsync());
            Assert.Equal(dealerId, notice.DealerId);
            Assert.Null(notice.CustomerId);
            // The second demo dealer's finance desk reads English; without a mail server the inbox is its only channel.
            Assert.Equal(("in-app", "en", "dealer.payout-failed"), (notice.Channel, notice.Language, notice.Template));
            Assert.StartsWith($"Payout did not go through: application {application}\n", notice.Body, StringComparison.Ordinal);
            Assert.Contains($"The payout of {ReminderFormat.Amount(amount, Currency.Cny, ReminderFormat.English)} to you for application {application} (contract {contract}, customer ID ", notice.Body, StringComparison.Ordinal);
            Assert.Contains("Why: The payee's account is closed.", notice.Body, StringComparison.Ordinal);
            Assert.Contains("Ask the lender to change your settlement account", notice.Body, StringComparison.Ordinal);
        }

        using (var scope = platform.App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(10_000, CancellationToken.None);
        }

        // The dealer reads it in its inbox; the other dealer does not.
        using var dealer = platform.Dealer(DemoData.SecondDealerKey);
        var inbox = await dealer.GetFromJsonAsync<JsonElement>("/api/v1/messages?pageSize=500");
        var message = Assert.Single(inbox.EnumerateArray(), m => m.GetProperty("body").GetString()!.Contains($"application {application} (", StringComparison.Ordinal));
        Assert.Equal("dealer.payout-failed", message.GetProperty("template").GetString());
        Assert.Contains("The payee's account is closed", message.GetProperty("body").GetString()!, StringComparison.Ordinal);
        using var firstDealer = platform.Dealer();
        Assert.DoesNotContain((await firstDealer.GetFromJsonAsync<JsonElement>("/api/v1/messages?pageSize=500")).EnumerateArray(), m => m.GetProperty("body").GetString()!.Contains(application, StringComparison.Ordinal));
    }
}
