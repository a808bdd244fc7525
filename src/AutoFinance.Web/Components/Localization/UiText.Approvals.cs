namespace AutoFinance.Web.Components.Localization;

/// <summary>
/// What an approval asks for and came to, said from the facts the request kept (see <see cref="ApprovalWords"/>): a
/// placeholder is <c>{fact}</c>, or <c>{kind:fact}</c> to say the fact as a word of that kind (money, date, role, …).
/// </summary>
public static partial class UiText
{
    private static Dictionary<string, (string Zh, string En)> WithApprovals(Dictionary<string, (string Zh, string En)> table)
    {
        foreach (var (key, zh, en) in ApprovalEntries())
        {
            table.Add(key, (zh, en));
        }

        return table;
    }

    private static (string Key, string Zh, string En)[] ApprovalEntries() =>
    [
        ("approvals.action.payment.staff-receipt", "大额人工收款入账", "Post a large receipt taken by hand"),
        ("approvals.action.payoff.staff-receipt", "大额人工收款结清", "Pay off with a large receipt taken by hand"),
        ("approvals.summary.blacklist.add", "将{blacklist-kind:kind} {value} 加入黑名单", "Add {blacklist-kind:kind} {value} to the blacklist"),
        ("approvals.summary.blacklist.remove", "将{blacklist-kind:kind} {value} 移出黑名单", "Take {blacklist-kind:kind} {value} off the blacklist"),
        ("approvals.summary.loan.write-off", "核销贷款 {loan:loanId}", "Write off loan {loan:loanId}"),
        ("approvals.summary.user.role-change", "将一位员工的角色从{role:from}改为{role:to}", "Move a staff account from {role:from} to {role:to}"),
        ("approvals.summary.model.promote", "启用模型 {model}", "Make model {model} the active one"),
        ("approvals.summary.customer.export-unmasked", "未脱敏导出一位客户的全部数据（批准后 24 小时内仅对申请人开放）", "Export a customer's data unmasked (open to the requester alone for 24 hours once approved)"),
        ("approvals.summary.payment.staff-receipt", "入账员工收取的 {money:amount}（贷款 {loan:loanId}，收据 {receipt}）", "Post {money:amount} taken in by staff on loan {loan:loanId} (receipt {receipt})"),
        ("approvals.summary.payoff.staff-receipt", "以员工收取的 {money:amount} 结清贷款 {loan:loanId}（收据 {receipt}）", "Pay off loan {loan:loanId} with {money:amount} taken in by staff (receipt {receipt})"),
        ("approvals.summary.dealer.settlement-account", "经销商结算账户改为：{payee}，{bank}，{account}", "Change a dealer's settlement account to {payee}, {bank}, {account}"),
        ("approvals.summary.product.change", "修改产品 {code} 的{parts:parts}（第 {from} 版 → 第 {to} 版）", "Change product {code}'s {parts:parts} (version {from} → {to})"),
        ("approvals.summary.loan.rate-change", "将贷款 {loan:loanId} 的年利率从 {percent:from} 下调至 {percent:to}，自 {date:on} 起", "Lower loan {loan:loanId}'s annual rate from {percent:from} to {percent:to} from {date:on}"),
        ("approvals.summary.loan.charge-waiver", "减免贷款 {loan:loanId} 的逾期费用 {money:amount}（罚息 {money:penalty}，滞纳金 {money:lateFees}）", "Waive {money:amount} of late charges on loan {loan:loanId} (penalty {money:penalty}, late fees {money:lateFees})"),
        ("approvals.outcome.blacklist.add", "已加入黑名单", "Added to the blacklist"),
        ("approvals.outcome.loan.write-off", "已核销 {money:amount}", "{money:amount} written off"),
        ("approvals.outcome.user.role-change", "角色已改为{role:role}", "The account's role is now {role:role}"),
        ("approvals.outcome.model.promote", "模型 {model} 已启用", "Model {model} is active"),
        ("approvals.outcome.customer.export-unmasked", "未脱敏导出已对申请人开放，至 {time:until}", "The unmasked export is open to the requester until {time:until}"),
        ("approvals.outcome.payment.staff-receipt", "已入账 {money:amount}", "{money:amount} posted"),
        ("approvals.outcome.payoff.staff-receipt", "已入账 {money:amount}，贷款结清", "{money:amount} posted; the loan is paid off"),
        ("approvals.outcome.dealer.settlement-account", "结算账户 {account} 已核验启用", "Settlement account {account} verified and in use"),
        ("approvals.outcome.product.change", "产品 {code} 已更新为第 {version} 版", "Product {code} is now at version {version}"),
        ("approvals.outcome.loan.rate-change", "年利率 {percent:rate}，自 {date:on} 起；月供 {money:payment}", "Annual rate {percent:rate} from {date:on}; monthly payment {money:payment}"),
        ("approvals.outcome.loan.charge-waiver", "已减免 {money:amount}（罚息 {money:penalty}，滞纳金 {money:lateFees}），尚余逾期费用 {money:left}", "{money:amount} waived (penalty {money:penalty}, late fees {money:lateFees}); {money:left} of late charges left"),
        ("approvals.part.rate-card", "利率表", "rate card"),
        ("approvals.part.policy-limits", "政策限额", "policy limits"),
        ("approvals.part.late-charges", "逾期费用规则", "late charges"),
        ("approvals.part.prepayment-fee", "提前还款费", "prepayment fee"),
        ("approvals.part.allocation-order", "还款冲抵顺序", "allocation order"),
        ("approvals.part.required-documents", "必备资料", "required documents"),
        ("approvals.part.promotions", "促销", "promotions"),
    ];
}
