namespace AutoFinance.Web.Components.Localization;

/// <summary>Disbursement's strings: the funding checklist, the payee, the two-step confirmation, the payout queue, settlement accounts.</summary>
public static partial class UiText
{
    private static Dictionary<string, (string Zh, string En)> WithPayouts(Dictionary<string, (string Zh, string En)> table)
    {
        foreach (var (key, zh, en) in PayoutEntries())
        {
            table.Add(key, (zh, en));
        }

        return table;
    }

    private static (string Key, string Zh, string En)[] PayoutEntries() =>
    [
        ("status.payout-pending", "待确认放款", "Payout pending"),
        ("funding.title", "放款", "Disbursement"),
        ("funding.lead", "资料齐全、核对收款账户后放款给经销商；银行或支付机构确认到账后贷款才入账。", "The dealer is paid once the file is complete and the payee checked; the loan is booked only when the bank or the provider confirms the payout."),
        ("funding.checklist", "放款核对清单", "Funding checklist"),
        ("funding.item.documents", "必备资料已上传并审核通过", "Required documents handed in and accepted"),
        ("funding.item.insurance", "车辆保险已登记（保单号、保险公司）", "Insurance recorded (policy number, insurer)"),
        ("funding.item.mortgage-registration", "抵押登记已办理（登记编号、日期）", "Mortgage registration (抵押登记) recorded (number, date)"),
        ("funding.item.gps", "车载定位器已安装（设备号）", "GPS installed (device id)"),
        ("funding.met", "已完成", "Done"),
        ("funding.unmet", "未完成", "Not done"),
        ("funding.not-required", "本产品此车无需", "Not required for this vehicle"),
        ("funding.missing", "缺少：{0}", "Missing: {0}"),
        ("funding.facts", "登记放款信息", "Record the funding facts"),
        ("funding.insurance-policy", "保单号", "Insurance policy number"),
        ("funding.insurer", "保险公司", "Insurer"),
        ("funding.mortgage-number", "抵押登记编号", "Mortgage registration number"),
        ("funding.mortgage-date", "抵押登记日期", "Registered on"),
        ("funding.gps-device", "定位器设备号", "GPS device id"),
        ("funding.field.insurancePolicyNumber", "保单号", "policy number"),
        ("funding.field.insurer", "保险公司", "insurer"),
        ("funding.field.mortgageRegistrationNumber", "抵押登记编号", "registration number"),
        ("funding.field.mortgageRegisteredOn", "抵押登记日期", "registration date"),
        ("funding.field.gpsDeviceId", "定位器设备号", "device id"),
        ("funding.save", "保存", "Save"),
        ("funding.saved", "放款信息已保存。", "The funding facts are saved."),
        ("funding.payee", "收款方", "Payee"),
        ("funding.bank", "开户行", "Bank"),
        ("funding.account", "收款账号", "Account"),
        ("funding.amount", "放款金额", "Amount"),
        ("funding.no-payee", "该经销商尚无已核验的结算账户，无法放款。", "The dealer has no verified settlement account yet; nothing can be paid out."),
        ("funding.channel", "放款方式", "Pay out through"),
        ("funding.channel.provider", "支付机构", "The payment provider"),
        ("funding.channel.file", "银行付款文件（ISO 20022）", "A bank file (pain.001)"),
        ("funding.review", "核对放款", "Review the payout"),
        ("funding.review-lead", "请核对收款方、账号和金额。确认后向经销商发出付款指令，到账确认后贷款入账。", "Check the payee, the account and the amount. Confirming instructs the payment to the dealer; the loan is booked when it is confirmed."),
        ("funding.confirm", "确认放款", "Confirm the payout"),
        ("funding.cancel", "返回修改", "Go back"),
        ("funding.not-ready", "清单未完成，暂不能放款。", "The checklist is not complete; nothing can be paid out yet."),
        ("funding.payouts", "付款记录", "Payouts"),
        ("funding.outcome.instructed", "付款指令已发出，等待到账确认。", "The payout is instructed; waiting for its confirmation."),
        ("funding.outcome.booked", "付款已确认，贷款已入账。", "The payout is confirmed; the loan is booked."),
        ("funding.outcome.failed", "付款失败，可重新放款：", "The payout failed and can be made again:"),
        ("funding.outcome.funding.checklist-incomplete", "清单未完成，未放款。", "The checklist is not complete; nothing was paid out."),
        ("funding.outcome.contract.payout-pending", "该合同的付款正在等待确认。", "This contract's payout is waiting for confirmation."),
        ("funding.outcome.payout.no-settlement-account", "该经销商尚无已核验的结算账户。", "The dealer has no verified settlement account."),
        ("funding.outcome.invalid", "信息有误，请检查后重试。", "Something is wrong with what was entered; check it and try again."),
        ("funding.pending-note", "付款处理中：到账确认后贷款自动入账。", "Payout in progress: the loan is booked automatically when it is confirmed."),
        ("payout.status.pending", "处理中", "Pending"),
        ("payout.status.confirmed", "已到账", "Confirmed"),
        ("payout.status.failed", "失败", "Failed"),
        ("payouts.title", "放款队列", "Payout queue"),
        ("payouts.lead", "给经销商的付款：处理中、失败与已到账。银行付款文件中的每笔付款，以对账单上带同一参考号的借记行确认。", "Payments to dealers: pending, failed and confirmed. Each payout in a bank file is confirmed by the statement's debit line carrying its reference."),
        ("payouts.filter", "按状态", "By status"),
        ("payouts.all", "全部", "All"),
        ("payouts.none", "没有付款。", "No payouts."),
        ("payouts.reference", "参考号", "Reference"),
        ("payouts.created", "发起时间", "Instructed"),
        ("payouts.completed", "完成时间", "Completed"),
        ("payouts.contract", "合同", "Contract"),
        ("payouts.reason", "原因", "Reason"),
        ("payouts.download", "下载银行付款文件（ISO 20022）", "Download the bank file (pain.001)"),
        ("payouts.accounts", "经销商结算账户", "Dealers' settlement accounts"),
        ("payouts.accounts-lead", "账户变更须另一位经理或管理员批准后生效（四眼原则）。", "A change takes effect only when a second manager or admin approves it (four eyes)."),
        ("payouts.account-pending", "待批准的变更：", "Change waiting for approval:"),
        ("payouts.account-none", "尚未设置", "Not set"),
        ("payouts.account-change", "申请变更", "Ask for the change"),
        ("payouts.account-reason", "变更原因", "Reason"),
        ("payouts.account-number", "账号", "Account number"),
        ("payouts.account-requested", "已提交，等待另一位人员批准。", "Asked for; waiting for a second person to approve."),
        ("payouts.direct-channel", "线上直销渠道", "Direct online channel"),
        ("nav.payouts", "放款队列", "Payouts"),
        ("approvals.action.dealer.settlement-account", "经销商结算账户变更", "Dealer settlement account change"),
    ];
}
