using AutoFinance.Application.Servicing;
using AutoFinance.Application.Servicing.ChangeRate;
using AutoFinance.Application.Servicing.WaiveCharges;
using AutoFinance.Domain.Approvals;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Payouts;
using AutoFinance.Infrastructure.Products;
using AutoFinance.Web.Components.Localization;

namespace AutoFinance.Web.Tests.Operations;

public sealed class ApprovalWordsTests
{
    private static readonly Guid LoanId = Guid.Parse("019f02ba-6d80-73bf-825c-ecfdc7e3d9c6");

    private static readonly Dictionary<Guid, string> Loans = new() { [LoanId] = "LN260626-57A9BCF9" };

    [Theory]
    [InlineData(ApprovalService.BlacklistAdd)]
    [InlineData(ApprovalService.BlacklistRemove)]
    [InlineData(ApprovalService.WriteOff)]
    [InlineData(ApprovalService.ModelPromote)]
    [InlineData(ApprovalService.RoleChange)]
    [InlineData(ApprovalService.UnmaskedExport)]
    [InlineData(StaffReceipts.PaymentAction)]
    [InlineData(StaffReceipts.PayoffAction)]
    [InlineData(SettlementAccounts.ChangeAction)]
    [InlineData(ProductChanges.Action)]
    [InlineData(ChangeRateHandler.Action)]
    [InlineData(WaiveChargesHandler.Action)]
    public void Every_action_is_named_and_said_in_both_languages(string action)
    {
        foreach (var key in new[] { "approvals.action." + action, "approvals.summary." + action })
        {
            Assert.True(UiText.All.TryGetValue(key, out var text), key);
            Assert.False(string.IsNullOrWhiteSpace(text.Zh) || string.IsNullOrWhiteSpace(text.En), key);
        }
    }

    [Fact]
    public void A_rate_change_is_said_with_the_loans_number_its_rates_and_its_date()
    {
        var approval = Pending(ChangeRateHandler.Action, new Dictionary<string, string> { ["loanId"] = LoanId.ToString(), ["from"] = "3.99", ["to"] = "3.6", ["on"] = "2026-11-26" });
        Assert.Equal("将贷款 LN260626-57A9BCF9 的年利率从 3.99% 下调至 3.60%，自 2026年11月26日 起", UiLanguage.Zh.Summary(approval, Loans));
        Assert.Equal("Lower loan LN260626-57A9BCF9's annual rate from 3.99% to 3.60% from 26 Nov 2026", UiLanguage.En.Summary(approval, Loans));
    }

    [Fact]
    public void A_role_change_and_a_product_change_say_their_words_not_their_codes()
    {
        var role = Pending(ApprovalService.RoleChange, new Dictionary<string, string> { ["from"] = "collector", ["to"] = "manager" });
        Assert.Equal("将一位员工的角色从催收员改为经理", UiLanguage.Zh.Summary(role, Loans));
        var product = Pending(ProductChanges.Action, new Dictionary<string, string> { ["code"] = "car-loan", ["from"] = "3", ["to"] = "4", ["parts"] = "rate-card,late-charges" });
        Assert.Equal("修改产品 car-loan 的利率表、逾期费用规则（第 3 版 → 第 4 版）", UiLanguage.Zh.Summary(product, Loans));
        Assert.Equal("Change product car-loan's rate card, late charges (version 3 → 4)", UiLanguage.En.Summary(product, Loans));
    }

    [Fact]
    public void A_request_without_facts_or_whose_loan_is_gone_is_left_to_its_english_record()
    {
        Assert.Null(UiLanguage.Zh.Summary(Pending(WaiveChargesHandler.Action, null), Loans));
        var waiver = Pending(WaiveChargesHandler.Action, new Dictionary<string, string> { ["loanId"] = Guid.NewGuid().ToString(), ["amount"] = "54.18", ["penalty"] = "4.18", ["lateFees"] = "50.00" });
        Assert.Null(UiLanguage.Zh.Summary(waiver, Loans));
        Assert.Null(UiLanguage.Zh.Summary(waiver with { SummaryFacts = new Dictionary<string, string> { ["loanId"] = LoanId.ToString(), ["amount"] = "54.18" } }, Loans));
    }

    private static ApprovalService.ApprovalView Pending(string action, IReadOnlyDictionary<string, string>? facts) =>
        new(Guid.NewGuid(), action, LoanId.ToString(), "the English record", "a reason", "collector:1", DateTimeOffset.UnixEpoch, ApprovalStatus.Pending, null, null, null) { SummaryFacts = facts };
}
