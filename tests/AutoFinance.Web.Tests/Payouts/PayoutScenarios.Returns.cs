using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Web.Tests.Payouts;

/// <summary>
/// A confirmed payout the dealer's bank sends back (the statement's credit carrying its reference and the bank's
/// reason): the money is owed to the dealer again, shown so, and paid to them again without booking the loan twice.
/// </summary>
public abstract partial class PayoutScenarios<TPlatform>
{
    [SkippableFact]
    public async Task A_payout_the_dealers_bank_returns_is_owed_to_the_dealer_again_and_paid_again_without_booking_the_loan_twice()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var underwriter = await platform.SignedIn("underwriter");
        using var agent = await platform.SignedIn("agent");
        var contractId = await SignedContractAsync(platform.Dealer());
        await Funding.CompleteChecklistAsync(underwriter, contractId);
        using var instructed = await Funding.DisburseAsync(underwriter, contractId, channel: "file");
        var first = JsonDocument.Parse(await instructed.Content.ReadAsStringAsync()).RootElement.GetProperty("payout");
        var reference = first.GetProperty("reference").GetString()!;
        var amount = first.GetProperty("amount").GetDecimal();
        await Funding.ImportAsync(agent, Funding.DebitStatement(reference, amount, $"D{Guid.NewGuid():N}"[..20]));
        var loanId = (await Funding.FileAsync(underwriter, contractId)).GetProperty("loanId").GetString()!;

        var returnStatement = Funding.ReturnStatement(reference, amount, $"R{Guid.NewGuid():N}"[..20]);
        var imported = await Funding.ImportAsync(agent, returnStatement);
        var line = Assert.Single(imported.GetProperty("lines").EnumerateArray());
        Assert.Equal("matched", line.GetProperty("status").GetString());
        Assert.Equal("payout-return", line.GetProperty("matchedBy").GetString());
        Assert.Equal(loanId, line.GetProperty("loanId").GetString());
        Assert.Equal(0m, imported.GetProperty("suspense").GetDecimal());
        Assert.Equal(0m, imported.GetProperty("posted").GetDecimal());

        var returned = (await underwriter.GetFromJsonAsync<JsonElement>("/api/v1/payouts?status=returned")).EnumerateArray().Single(p => p.GetProperty("reference").GetString() == reference);
        Assert.Equal("returned by the payee's bank (AC04): account closed", returned.GetProperty("failureReason").GetString());
        var file = await Funding.FileAsync(underwriter, contractId);
        Assert.Equal("booked", file.GetProperty("status").GetString());
        Assert.True(file.GetProperty("owedToDealer").GetBoolean());
        var loan = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal(amount, Math.Abs(loan.GetProperty("balances").GetProperty("DealerPayable").GetDecimal()));
        Assert.Equal(amount, loan.GetProperty("balances").GetProperty("LoanPrincipalReceivable").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());

        // The same statement again changes nothing.
        var again = await Funding.ImportAsync(agent, returnStatement);
        Assert.Equal(1, again.GetProperty("alreadySeen").GetInt32());
        Assert.Equal(3, await EntriesOfAsync(loanId));

        // Paid again: a new payout of the same amount, the contract and its loan as they were.
        using var paidAgain = await Funding.DisburseAsync(underwriter, contractId, channel: "file");
        Assert.Equal(HttpStatusCode.OK, paidAgain.StatusCode);
        var answer = JsonDocument.Parse(await paidAgain.Content.ReadAsStringAsync()).RootElement;
        var second = answer.GetProperty("payout");
        var secondReference = second.GetProperty("reference").GetString()!;
        Assert.NotEqual(reference, secondReference);
        Assert.Equal("redisbursement", second.GetProperty("purpose").GetString());
        Assert.Equal("pending", second.GetProperty("status").GetString());
        Assert.Equal(amount, second.GetProperty("amount").GetDecimal());
        Assert.Equal("booked", answer.GetProperty("status").GetString());
        Assert.Equal(loanId, answer.GetProperty("loanId").GetString());
        Assert.False((await Funding.FileAsync(underwriter, contractId)).GetProperty("owedToDealer").GetBoolean());

        // Asked again while that payout waits, with a new key: nothing more is paid.
        using (var twice = await Funding.DisburseAsync(underwriter, contractId, channel: "file"))
        {
            Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
            Assert.Equal(secondReference, JsonDocument.Parse(await twice.Content.ReadAsStringAsync()).RootElement.GetProperty("payout").GetProperty("reference").GetString());
        }

        await Funding.ImportAsync(agent, Funding.DebitStatement(secondReference, amount, $"D{Guid.NewGuid():N}"[..20]));
        var paid = (await underwriter.GetFromJsonAsync<JsonElement>("/api/v1/payouts?status=confirmed")).EnumerateArray().Single(p => p.GetProperty("reference").GetString() == secondReference);
        Assert.Equal(loanId, paid.GetProperty("loanId").GetString());
        loan = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal(["DealerPayout", "DealerPayout", "Disbursement", "PayoutReturned"], loan.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).Order().ToArray());
        Assert.Equal(0m, loan.GetProperty("balances").TryGetProperty("DealerPayable", out var payable) ? payable.GetDecimal() : 0m);
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
        Assert.Equal(amount, loan.GetProperty("balances").GetProperty("LoanPrincipalReceivable").GetDecimal());
        Assert.Equal(1, await LoansOfAsync(contractId));
        Assert.Equal(1, await DisbursedNoticesAsync(contractId));
        Assert.Equal(2, await PayoutsOfAsync(contractId));
        Assert.False((await Funding.FileAsync(underwriter, contractId)).GetProperty("owedToDealer").GetBoolean());
    }

    [SkippableFact]
    public async Task A_payout_the_provider_reports_returned_is_owed_again_once_and_paid_again_through_the_provider()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");
        using var underwriter = await platform.SignedIn("underwriter");
        // The sandbox carries out a payout to an account ending 0507, then reports it returned by the payee's bank.
        var (contractId, answer) = await DisburseToSecondDealerAsync(manager, admin, underwriter, "6214830100220000507");
        var reference = answer.GetProperty("payout").GetProperty("reference").GetString()!;
        var returned = await PayoutInStatusAsync(underwriter, reference, "returned");
        Assert.Equal("returned by the payee's bank (account-closed)", returned.GetProperty("failureReason").GetString());
        var file = await Funding.FileAsync(underwriter, contractId);
        Assert.Equal("booked", file.GetProperty("status").GetString());
        Assert.True(file.GetProperty("owedToDealer").GetBoolean());
        var loanId = file.GetProperty("loanId").GetString()!;
        var loan = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal(1, loan.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "PayoutReturned"));
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());

        // Paid again through the provider to the account the dealer has now (the helper put the usual one back).
        using var paidAgain = await Funding.DisburseAsync(underwriter, contractId);
        Assert.Equal(HttpStatusCode.OK, paidAgain.StatusCode);
        var second = JsonDocument.Parse(await paidAgain.Content.ReadAsStringAsync()).RootElement.GetProperty("payout");
        Assert.Equal("redisbursement", second.GetProperty("purpose").GetString());
        Assert.Equal("**** 6781", second.GetProperty("accountNumberMasked").GetString());
        await PayoutInStatusAsync(underwriter, second.GetProperty("reference").GetString()!, "confirmed");
        loan = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}");
        Assert.Equal(0m, loan.GetProperty("balances").TryGetProperty("DealerPayable", out var payable) ? payable.GetDecimal() : 0m);
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
        Assert.Equal(1, loan.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "PayoutReturned"));
        Assert.Equal(1, await LoansOfAsync(contractId));
        Assert.Equal(1, await DisbursedNoticesAsync(contractId));
        Assert.False((await Funding.FileAsync(underwriter, contractId)).GetProperty("owedToDealer").GetBoolean());
    }

    /// <summary>Waits (a few seconds at most) for the provider's callbacks to bring a payout to a status.</summary>
    private static async Task<JsonElement> PayoutInStatusAsync(HttpClient staff, string reference, string status)
    {
        for (var i = 0; i < 200; i++)
        {
            var payout = (await staff.GetFromJsonAsync<JsonElement[]>("/api/v1/payouts?pageSize=500"))!.Single(p => p.GetProperty("reference").GetString() == reference);
            if (payout.GetProperty("status").GetString() == status)
            {
                return payout;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"payout {reference} never became {status}");
    }

    private async Task<int> EntriesOfAsync(string loanId)
    {
        await using var db = Db();
        return await db.JournalEntries.CountAsync(e => e.LoanId == Guid.Parse(loanId));
    }

    private async Task<int> PayoutsOfAsync(string contractId)
    {
        await using var db = Db();
        return await db.Set<Infrastructure.Payouts.PayoutRow>().CountAsync(p => p.ContractId == Guid.Parse(contractId));
    }
}
