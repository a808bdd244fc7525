using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AutoFinance.Application.Payments;
using AutoFinance.Infrastructure.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Payouts;

/// <summary>A manager stops a payout not carried out yet; the provider must confirm it, and then never pays that reference.</summary>
public abstract partial class PayoutScenarios<TPlatform>
{
    [SkippableFact]
    public async Task A_payout_the_provider_holds_is_cancelled_once_the_provider_confirms_it_and_the_contract_is_paid_out_by_bank_file()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");
        using var underwriter = await platform.SignedIn("underwriter");
        // The sandbox holds payouts to an account ending 0505 for its review: taken, never carried out.
        var (contractId, answer) = await DisburseToSecondDealerAsync(manager, admin, underwriter, "6214830100220000505");
        var held = answer.GetProperty("payout");
        Assert.Equal("pending", held.GetProperty("status").GetString());
        var cancel = $"/api/v1/payouts/{held.GetProperty("payoutId").GetString()}/cancel";

        // Stopping money is a manager's decision, taken with a reason.
        using (var denied = await underwriter.PostAsJsonAsync(cancel, new { reason = "held by the provider for a week" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var bare = await ProblemAsync(await manager.PostAsJsonAsync(cancel, new { reason = " " }), HttpStatusCode.BadRequest);
        Assert.True(bare.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("payout-pending", (await Funding.FileAsync(underwriter, contractId)).GetProperty("status").GetString());

        using var cancelled = await manager.PostAsJsonAsync(cancel, new { reason = "provider case 8812: held for review" });
        var payout = await cancelled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(cancelled.StatusCode == HttpStatusCode.OK, payout.ToString());
        Assert.Equal("failed", payout.GetProperty("status").GetString());
        Assert.Equal("cancelled by staff: provider case 8812: held for review", payout.GetProperty("failureReason").GetString());
        Assert.Equal("payout.not-pending", (await ProblemAsync(await manager.PostAsJsonAsync(cancel, new { reason = "once more" }), HttpStatusCode.Conflict)).GetProperty("code").GetString());

        // The provider refuses the reference for good: the same instruction, still on its way, is not taken; nothing is paid.
        var (provider, notify) = Provider();
        var late = new PayoutOrder(payout.GetProperty("reference").GetString()!, payout.GetProperty("amount").GetDecimal(), payout.GetProperty("currency").GetString()!,
            payout.GetProperty("payeeName").GetString()!, "6214830100220000505", payout.GetProperty("payeeBank").GetString()!, notify);
        var refused = await Assert.ThrowsAsync<PaymentProviderException>(() => provider.CreatePayoutAsync(late, CancellationToken.None));
        Assert.Contains("(409)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await PayoutEventsAsync(late.MerchantReference));

        // The contract is paid out again, through the bank file this time.
        var signed = await Funding.FileAsync(underwriter, contractId);
        Assert.Equal("signed", signed.GetProperty("status").GetString());
        using var again = await Funding.DisburseAsync(underwriter, contractId, channel: "file");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["failed", "pending"], (await Funding.FileAsync(underwriter, contractId)).GetProperty("payouts").EnumerateArray()
            .Select(p => p.GetProperty("status").GetString()!).Order().ToArray());
        Assert.Equal(0, await LoansOfAsync(contractId));

        // Listed with the failed payouts (its contract could be paid out again), but shown as cancelled, not as a failure.
        var page = await manager.GetStringAsync("/payouts?status=failed");
        var row = Regex.Match(page, $"<tr data-testid=\"payout\"[^>]*data-reference=\"{payout.GetProperty("reference").GetString()}\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("data-shown=\"cancelled\"", row, StringComparison.Ordinal);
        Assert.Contains(">已撤销</span>", row, StringComparison.Ordinal);
        Assert.DoesNotContain(">失败</span>", row, StringComparison.Ordinal);
        Assert.Contains("已由工作人员撤销", row, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_payout_the_provider_never_answered_is_cancelled_and_never_sent_again()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");
        using var underwriter = await platform.SignedIn("underwriter");
        // The sandbox answers the first request for a payout to an account ending 0503 with 503, without taking it.
        var (contractId, answer) = await DisburseToSecondDealerAsync(manager, admin, underwriter, "6214830100220000503");
        var unanswered = answer.GetProperty("payout");
        Assert.True(unanswered.GetProperty("unanswered").GetBoolean());

        // The provider never saw the reference: it confirms the cancellation and keeps the reference refused.
        using var cancelled = await manager.PostAsJsonAsync($"/api/v1/payouts/{unanswered.GetProperty("payoutId").GetString()}/cancel", new { reason = "provider confirms it has no such payout" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("signed", (await Funding.FileAsync(underwriter, contractId)).GetProperty("status").GetString());

        // The resend job no longer sends it, and the provider paid nothing under its reference.
        Assert.Equal("succeeded", (await ResendPayoutsAsync(admin)).GetProperty("outcome").GetString());
        var payout = Assert.Single((await Funding.FileAsync(underwriter, contractId)).GetProperty("payouts").EnumerateArray());
        Assert.Equal("failed", payout.GetProperty("status").GetString());
        await Task.Delay(300);
        Assert.Equal(0, await PayoutEventsAsync(payout.GetProperty("reference").GetString()!));
        Assert.Equal(0, await LoansOfAsync(contractId));
    }

    [SkippableFact]
    public async Task A_payout_carried_out_whose_callback_was_lost_is_settled_by_the_callback_the_provider_is_asked_to_send_again()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");
        using var underwriter = await platform.SignedIn("underwriter");
        // The sandbox carries out a payout to an account ending 0506, but its callback is lost on the way.
        var (contractId, answer) = await DisburseToSecondDealerAsync(manager, admin, underwriter, "6214830100220000506");
        var lost = answer.GetProperty("payout");
        var reference = lost.GetProperty("reference").GetString()!;
        for (var i = 0; i < 100 && await PayoutEventsAsync(reference) == 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, await PayoutEventsAsync(reference));
        Assert.Equal("payout-pending", (await Funding.FileAsync(underwriter, contractId)).GetProperty("status").GetString());

        // Staff try to stop it: carried out, it is not cancelled, and the provider is asked to send its callback again.
        var refused = await ProblemAsync(await manager.PostAsJsonAsync($"/api/v1/payouts/{lost.GetProperty("payoutId").GetString()}/cancel",
            new { reason = "no word from the provider for a day" }), HttpStatusCode.Conflict);
        Assert.Equal("payout.carried-out", refused.GetProperty("code").GetString());
        Assert.Contains("asked to send its confirmation again", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The form's answer says so as news, not as a refusal.
        var told = Regex.Match(await manager.GetStringAsync("/payouts?cancel=payout.carried-out"), "<div class=\"alert ([a-z]+)\"[^>]*data-testid=\"cancel-outcome\"[^>]*>([^<]*)<");
        Assert.Equal("info", told.Groups[1].Value);
        Assert.Contains("已请其重新发送结果通知", told.Groups[2].Value, StringComparison.Ordinal);

        // That signed callback settles it as any other: confirmed, and the contract booked as a loan.
        var settled = await Funding.SettledAsync(underwriter, contractId);
        var payout = Assert.Single(settled.GetProperty("payouts").EnumerateArray());
        Assert.Equal("confirmed", payout.GetProperty("status").GetString());
        Assert.Equal(1, await LoansOfAsync(contractId));
    }

    [SkippableFact]
    public async Task A_payout_carried_out_or_in_a_bank_file_is_not_cancelled_and_one_no_file_carries_yet_is()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        using var underwriter = await platform.SignedIn("underwriter");

        // Carried out and confirmed: the provider answers it cannot cancel it, and the platform refuses too.
        var contractId = await SignedContractAsync(platform.Dealer());
        await Funding.CompleteChecklistAsync(underwriter, contractId);
        using (var paid = await Funding.DisburseAsync(underwriter, contractId))
        {
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        }

        var booked = Assert.Single((await Funding.SettledAsync(underwriter, contractId)).GetProperty("payouts").EnumerateArray());
        Assert.Equal("confirmed", booked.GetProperty("status").GetString());
        var (provider, notify) = Provider();
        Assert.Equal(PayoutCancellation.CarriedOut, await provider.CancelPayoutAsync(booked.GetProperty("reference").GetString()!, notify, CancellationToken.None));
        Assert.Equal("payout.not-pending", (await ProblemAsync(
            await manager.PostAsJsonAsync($"/api/v1/payouts/{booked.GetProperty("payoutId").GetString()}/cancel", new { reason = "paid twice?" }), HttpStatusCode.Conflict)).GetProperty("code").GetString());

        // In a bank file: only the bank can stop it now.
        var (inFile, _, _) = await InBankFileAsync(underwriter);
        var filed = Assert.Single((await Funding.FileAsync(underwriter, inFile)).GetProperty("payouts").EnumerateArray());
        Assert.Equal("payout.in-file", (await ProblemAsync(
            await manager.PostAsJsonAsync($"/api/v1/payouts/{filed.GetProperty("payoutId").GetString()}/cancel", new { reason = "dealer asked to wait" }), HttpStatusCode.Conflict)).GetProperty("code").GetString());

        // Waiting for a file: cancelled at once, and the next file does not carry it.
        var waiting = await SignedContractAsync(platform.Dealer());
        await Funding.CompleteChecklistAsync(underwriter, waiting);
        using var byFile = await Funding.DisburseAsync(underwriter, waiting, channel: "file");
        var pending = (await byFile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payout");
        using var stopped = await manager.PostAsJsonAsync($"/api/v1/payouts/{pending.GetProperty("payoutId").GetString()}/cancel", new { reason = "dealer asked to wait" });
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal("signed", (await Funding.FileAsync(underwriter, waiting)).GetProperty("status").GetString());
        using var next = await underwriter.PostAsync("/api/v1/payouts/files", null);
        Assert.Null(await FileMessageOfAsync(pending.GetProperty("reference").GetString()!));
    }

    /// <summary>The platform's provider client, and the callback address that names the platform's payouts at the provider.</summary>
    private (IPaymentProvider Provider, Uri Notify) Provider()
    {
        var provider = platform.App.Services.GetRequiredService<IPaymentProvider>();
        return (provider, PaymentIntents.CallbackAddress(platform.App.Services.GetRequiredService<IPlatformAddress>(), provider.Name));
    }
}
