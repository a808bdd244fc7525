using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Payouts;
using AutoFinance.Web.Components.Localization;
using AutoFinance.Web.Components.Payouts;
using Bunit;

namespace AutoFinance.Web.E2E.Components;

/// <summary>
/// A booked contract's disbursement says when the dealer is owed their money again, and why, and stops saying so once
/// it is on its way. The dealer reads the same file as its funding's progress, and records its facts, but pays nothing.
/// </summary>
public sealed class DisbursementSectionTests : BunitContext
{
    private static PayoutView Payout(string reference, PayoutPurpose purpose, PayoutStatus status, string? reason) =>
        new(Guid.NewGuid(), reference, Guid.Empty, 80_000m, "CNY", "北京汽车商城有限公司", "中国工商银行", "**** 5678", "file", status, reason, null, Guid.NewGuid(), DateTimeOffset.UnixEpoch, null)
        {
            Purpose = purpose,
            PayeeAccountAtFault = reason is not null && PayoutFailures.PayeeAccountAtFault(PayoutFailures.Read(reason)),
        };

    private static FundingDesk.FundingView Booked(bool owed, params PayoutView[] newestFirst) =>
        new(Guid.NewGuid(), "CT270108-0001", Guid.NewGuid(), "AF270108-0001", "booked", 80_000m, "CNY", true, [],
            new FundingDesk.FactsView(null, null, null, null, null, null, false), new FundingDesk.PayeeView("北京汽车商城有限公司", "中国工商银行", "**** 5678"), newestFirst, Guid.NewGuid())
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

    [Theory]
    [InlineData("account-closed", true, "请联系贷款机构更换结算账户")]
    [InlineData("rejected by the bank (AC01): wrong account number", true, "请联系贷款机构更换结算账户")]
    [InlineData("rejected by the bank (AM04): insufficient funds", false, "贷款机构核对后会重新付款")]
    [InlineData("the provider did not take the instruction: timeout", false, "贷款机构核对后会重新付款")]
    public void A_dealer_whose_payout_failed_because_of_its_account_is_asked_for_a_new_one_and_otherwise_told_it_will_be_paid_again(string reason, bool accountAtFault, string said)
    {
        var funding = Signed(true, true) with { Payouts = [Payout("PO-1", PayoutPurpose.Disbursement, PayoutStatus.Failed, reason)] };

        var dealer = Render<DisbursementSection>(p => p.Add(c => c.Funding, funding).Add(c => c.L, UiLanguage.Zh).Add(c => c.ForDealer, true).Add(c => c.CanRecord, true));
        var failed = dealer.Find("[data-testid=payout-failed]");
        Assert.Equal(accountAtFault ? "true" : "false", failed.GetAttribute("data-account-at-fault"));
        Assert.Contains(said, failed.TextContent, StringComparison.Ordinal);

        var staff = Render<DisbursementSection>(p => p.Add(c => c.Funding, funding).Add(c => c.L, UiLanguage.Zh));
        Assert.Equal(accountAtFault, staff.Find("[data-testid=payout-failed]").TextContent.Contains("请先在放款队列更换经销商的结算账户", StringComparison.Ordinal));
    }

    private static FundingDesk.FundingView Signed(bool ready, bool byDealer) =>
        new(Guid.NewGuid(), "CT270108-0002", Guid.NewGuid(), "AF270108-0002", "signed", 80_000m, "CNY", ready,
            [new FundingDesk.CheckView(FundingItem.Insurance, "funding.insurance", true, ready, ready ? [] : ["insurancePolicyNumber"])],
            new FundingDesk.FactsView(ready ? "PICC-1" : null, ready ? "中国人民财产保险" : null, null, null, null, DateTimeOffset.UnixEpoch, byDealer),
            new FundingDesk.PayeeView("北京汽车商城有限公司", "中国工商银行", "**** 5678"), [], null);

    [Fact]
    public void The_dealer_is_told_its_bank_returned_the_payout_and_is_given_nothing_to_pay()
    {
        var funding = Booked(true, Payout("PO-1", PayoutPurpose.Disbursement, PayoutStatus.Returned, "returned by the payee's bank (AC04): account closed"));

        var cut = Render<DisbursementSection>(p => p.Add(c => c.Funding, funding).Add(c => c.L, UiLanguage.Zh).Add(c => c.ForDealer, true).Add(c => c.CanRecord, true));

        var returned = cut.Find("[data-testid=payout-returned]").TextContent;
        Assert.Contains("您的收款银行退回了这笔付款", returned, StringComparison.Ordinal);
        Assert.Contains("请联系贷款机构更换结算账户", returned, StringComparison.Ordinal);
        Assert.Contains("AC04 账户已销户", returned, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=disburse-review-step]"));
        Assert.Empty(cut.FindAll("[data-testid=funding-form]"));
    }

    [Fact]
    public void The_dealer_records_the_facts_of_a_signed_contract_and_sees_whether_the_lender_can_pay()
    {
        var waiting = Render<DisbursementSection>(p => p.Add(c => c.Funding, Signed(false, false)).Add(c => c.L, UiLanguage.En).Add(c => c.ForDealer, true).Add(c => c.CanRecord, true));

        Assert.Single(waiting.FindAll("[data-testid=funding-form]"));
        Assert.Contains("once the checklist is complete", waiting.Find("[data-testid=funding-dealer-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(waiting.FindAll("[data-testid=disburse-review-step]"));

        var ready = Render<DisbursementSection>(p => p.Add(c => c.Funding, Signed(true, true)).Add(c => c.L, UiLanguage.Zh).Add(c => c.ForDealer, true).Add(c => c.CanRecord, true));
        Assert.Contains("等待贷款机构放款", ready.Find("[data-testid=funding-dealer-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(ready.FindAll("[data-testid=funding-by-dealer]"));
    }

    [Fact]
    public void The_underwriter_is_told_the_dealer_gave_the_facts_before_paying()
    {
        var cut = Render<DisbursementSection>(p => p.Add(c => c.Funding, Signed(true, true)).Add(c => c.L, UiLanguage.Zh).Add(c => c.CanPay, true).Add(c => c.CanRecord, true));

        Assert.Contains("由经销商登记", cut.Find("[data-testid=funding-by-dealer]").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=disburse-review-step]"));
        Assert.Empty(cut.FindAll("[data-testid=funding-dealer-state]"));
    }
}
