namespace AutoFinance.Web.Components.Localization;

/// <summary>The payment rails' strings: paying through the provider, the receipt, bank reconciliation.</summary>
public static partial class UiText
{
    private static Dictionary<string, (string Zh, string En)> WithPayments(Dictionary<string, (string Zh, string En)> table)
    {
        foreach (var (key, zh, en) in PaymentEntries())
        {
            table.Add(key, (zh, en));
        }

        return table;
    }

    private static (string Key, string Zh, string En)[] PaymentEntries() =>
    [
        ("pay.provider-unavailable", "支付通道暂时无法连接，未扣款，请稍后再试。", "The payment provider cannot be reached; nothing was charged, please try again shortly."),
        ("pay.above-payoff", "金额超过今日结清金额 ¥{0}，最多可付 ¥{0}。", "The amount is more than today's payoff of ¥{0}; pay at most ¥{0}."),
        ("pay.receipt-title", "付款结果", "Payment"),
        ("pay.back-to-loan", "返回贷款", "Back to the loan"),
        ("pay.receipt-paid", "已收到您的付款 {0}，已入账。", "Your payment of {0} has arrived and is posted to the loan."),
        ("pay.receipt-held", "已收到您的付款 {0}，但这笔贷款已无法入账（例如已结清）。款项由我们暂为保管，工作人员会与您联系退回或转入其他贷款。", "Your payment of {0} has arrived but this loan can no longer take it (it is already paid off, say). We hold it for you, and our staff will contact you to return it or apply it to another loan."),
        ("pay.receipt-pending", "正在等待支付机构确认，确认后自动入账。", "Waiting for the payment provider to confirm; it is posted as soon as it does."),
        ("pay.receipt-failed", "付款未成功，未扣款。", "The payment did not go through; nothing was charged."),
        ("pay.reason", "原因", "Why"),
        ("pay.reason.declined-by-payer", "付款在支付页面被拒绝或取消", "It was declined or cancelled on the payment page"),
        ("pay.reason.insufficient-funds", "账户余额不足", "Not enough money in the account"),
        ("pay.receipt-expired", "付款已超时，未扣款。", "The payment timed out; nothing was charged."),
        ("pay.refresh", "刷新", "Refresh"),
        ("pay.try-again", "重新付款", "Pay again"),
        ("pay.kind", "类型", "Kind"),
        ("pay.kind-checkout", "还款", "Payment"),
        ("pay.kind-payoff", "提前结清", "Payoff"),
        ("pay.kind-debit", "代扣", "Direct debit"),
        ("pay.started", "发起时间", "Started"),
        ("pay.completed", "完成时间", "Completed"),
        ("pay.provider-reference", "支付流水号", "Provider reference"),
        ("pay.breakdown", "这笔还款的去向", "Where this payment went"),
        ("pay.breakdown-installment", "期次", "Instalment"),
        ("pay.breakdown-number", "第 {0} 期", "Instalment {0}"),
        ("pay.breakdown-fee", "费用", "Fees"),
        ("pay.breakdown-penalty", "罚息", "Penalty interest"),
        ("pay.breakdown-interest", "利息", "Interest"),
        ("pay.breakdown-principal", "本金", "Principal"),
        ("pay.breakdown-held", "留作余款（抵扣下一期）", "Held as credit for the next instalment"),
        ("pay.breakdown-prepaid", "提前归还本金", "Paid ahead on principal"),
        ("pay.intents", "付款记录", "Payments through the provider"),
        ("pay.status-pending", "处理中", "pending"),
        ("pay.status-succeeded", "成功", "succeeded"),
        ("pay.status-failed", "失败", "failed"),
        ("pay.status-expired", "已超时", "expired"),

        ("nav.reconciliation", "银行对账", "Reconciliation"),
        ("recon.title", "银行对账", "Bank reconciliation"),
        ("recon.lead", "导入银行对账单（ISO 20022 camt.053 或 CSV）：按还款账号匹配，否则按金额与户名匹配；匹配的入账，未匹配的进入暂收款待处理；同一流水不会重复入账。", "Import a bank statement (ISO 20022 camt.053 or CSV): credits are matched by repayment reference, else by amount and name; matched ones are posted, the rest wait in suspense; an entry is never posted twice."),
        ("recon.import", "导入对账单", "Import a statement"),
        ("recon.content", "对账单内容", "Statement"),
        ("recon.format", "格式", "Format"),
        ("recon.format-auto", "自动识别", "Detect"),
        ("recon.submit", "导入", "Import"),
        ("recon.result", "共 {0} 条：匹配入账 {1} 条，进入暂收 {2} 条，借方 {3} 条，重复 {4} 条。", "{0} entries: {1} matched and posted, {2} to suspense, {3} debits left alone, {4} seen before."),
        ("recon.worklist", "暂收款待处理", "Suspense worklist"),
        ("recon.lines", "对账流水", "Statement lines"),
        ("recon.none", "没有待处理的流水。", "Nothing waits in suspense."),
        ("recon.entry", "流水号", "Entry"),
        ("recon.date", "记账日", "Booked"),
        ("recon.payer", "付款人", "Payer"),
        ("recon.references", "附言/账号", "References"),
        ("recon.status", "状态", "Status"),
        ("recon.loan", "贷款", "Loan"),
        ("recon.assign", "分配到贷款", "Assign to loan"),
        ("recon.loan-id", "贷款编号", "Loan reference"),
        ("recon.return", "退回付款人", "Return to payer"),
        ("recon.reason", "原因", "Reason"),
        ("recon.done-assigned", "已分配并入账。", "Assigned and posted."),
        ("recon.done-returned", "已退回。", "Returned."),
        ("recon.status-matched", "已匹配", "matched"),
        ("recon.status-unmatched", "未匹配", "unmatched"),
        ("recon.status-assigned", "已分配", "assigned"),
        ("recon.status-returned", "已退回", "returned"),
        ("recon.status-ignored", "借方", "debit"),
        ("recon.note.not-posted", "经 {0} 付给贷款 {1} 的款项（付款 {2}）未能入账", "Paid through {0} for loan {1} (payment {2}) but not posted"),
        ("recon.note.refused", "匹配到的贷款 {0} 未接受这笔款项", "The matched loan {0} would not take it"),
        ("recon.note.payout-confirmed", "对账单确认了放款 {0}", "The statement confirmed payout {0}"),
        ("recon.note.payout-returned", "收款银行退回了付款 {0}", "The payee's bank returned payout {0}"),
        ("recon.note.as-written", "（原文）", " (as written)"),
    ];
}
