using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Payouts;
using AutoFinance.Web.Components.Localization;
using AutoFinance.Web.Components.Payouts;
using Bunit;

namespace AutoFinance.Web.E2E.Components;

/// <summary>A booked contract's disbursement says when the dealer is owed their money again, and why, and stops saying so once it is on its way.</summary>
public sealed class DisbursementSectionTests : BunitContext
{
    private static PayoutView Payout(string reference, PayoutPurpose purpose, PayoutStatus status, string? reason) =>
        new(Guid.NewGuid(), reference, Guid.Empty, 80_000m, "CNY", "北京汽车商城有限公司", "中国工商银行", "**** 5678", "file", status, reason, null, Guid.NewGuid(), DateTimeOffset.UnixEpoch, null)
        {
            Purpose = purpose,
        };

    private static FundingDesk.FundingView Booked(bool owed, params PayoutView[] newestFirst) =>
        new(Guid.NewGuid(), "CT270108-0001", Guid.NewGuid(), "AF270108-0001", "booked", 80_000m, "CNY", true, [],
            new FundingDesk.FactsView(null, null, null, null, null, null), new FundingDesk.PayeeView("北京汽车商城有限公司", "中国工商银行", "**** 5678"), newestFirst, Guid.NewGuid())
        {
            OwedToDealer = owed,
        };

    [Fact]
    public void A_returned_payout_is_said_with_the_banks_reason_and_a_failed_payment_again_with_its_own()
    {
        var funding = Booked(true,
            Payout("PO-2", PayoutPurpose.Redisbursement, PayoutStatus.Failed, "the provider did not take the instruction: account blocked"),
            Payout("PO-1", PayoutPurpose.Disbursement, PayoutStatus.Returned, "returned by the payee's bank (AC04): account closed"));

        var cut = Render<DisbursementSection>(p => p.Add(c => c.Funding, funding).Add(c => c.L, UiLanguage.Zh));

        var returned = cut.Find("[data-testid=payout-returned]").TextContent;
        Assert.Contains("经销商的收款银行已退回付款", returned, StringComparison.Ordinal);
        Assert.Contains("AC04 账户已销户", returned, StringComparison.Ordinal);
        Assert.Contains("支付机构未受理该付款指令", cut.Find("[data-testid=payout-failed]").TextContent, StringComparison.Ordinal);
        Assert.Contains("重新付款", cut.Find("[data-testid=payout-again]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dealer_paid_again_and_waiting_is_not_said_to_be_owed()
    {
        var funding = Booked(false,
            Payout("PO-2", PayoutPurpose.Redisbursement, PayoutStatus.Pending, null),
            Payout("PO-1", PayoutPurpose.Disbursement, PayoutStatus.Returned, "returned by the payee's bank (AC04): account closed"));

        var cut = Render<DisbursementSection>(p => p.Add(c => c.Funding, funding).Add(c => c.L, UiLanguage.En));

        Assert.Empty(cut.FindAll("[data-testid=payout-returned]"));
        Assert.Contains("Returned by the payee's bank", cut.Find("[data-testid=payout][data-status=returned]").TextContent, StringComparison.Ordinal);
    }
}
