using AutoFinance.Web.Components.Localization;
using AutoFinance.Web.Components.Payouts;
using Bunit;

namespace AutoFinance.Web.E2E.Components;

/// <summary>Why a payout failed or came back reads in the reader's language, a reason code no table knows included.</summary>
public sealed class PayoutReasonTests : BunitContext
{
    [Theory]
    [InlineData("account-closed", "zh", "收款账户已销户")]
    [InlineData("account-closed", "en", "The payee's account is closed")]
    [InlineData("beneficiary-bank-offline", "zh", "支付机构未能付款（beneficiary-bank-offline）")]
    [InlineData("beneficiary-bank-offline", "en", "The payment provider did not pay it (beneficiary-bank-offline)")]
    [InlineData("rejected by the bank (AC04): closed", "zh", "银行拒绝（AC04 账户已销户）：closed")]
    [InlineData("returned by the payee's bank (AC04): account closed", "zh", "收款银行退回（AC04 账户已销户）：account closed")]
    [InlineData("returned by the payee's bank (AC01)", "en", "Returned by the payee's bank (AC01 incorrect account number)")]
    public void A_reason_reads_as_a_sentence_in_the_readers_language(string stored, string language, string shown)
    {
        var cut = Render<PayoutReason>(p => p.Add(c => c.Reason, stored).Add(c => c.L, language == "en" ? UiLanguage.En : UiLanguage.Zh));

        Assert.Equal(shown, string.Join(' ', cut.Find("[data-reason]").TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
    }
}
