namespace AutoFinance.Web.Components.Localization;

/// <summary>
/// The audit page: its filters, its table, the chain's verification, and the names of the common actions
/// (<c>audit.action.{code}</c>); an action without a name here is shown by its code.
/// </summary>
public static partial class UiText
{
    private static Dictionary<string, (string Zh, string En)> WithAudit(Dictionary<string, (string Zh, string En)> table)
    {
        foreach (var (key, zh, en) in AuditEntries().Concat(AuditActionEntries()))
        {
            table.Add(key, (zh, en));
        }

        return table;
    }

    private static (string Key, string Zh, string En)[] AuditEntries() =>
    [
        ("nav.audit", "审计日志", "Audit log"),
        ("audit.title", "审计日志", "Audit log"),
        ("audit.lead", "谁在何时对哪个对象做了什么。日志只增不改，每条都以密钥链接上一条；每次查询和导出本身也记入日志。",
            "Who did what to which object, and when. The log is append-only, each entry keyed to the one before; every search and export is itself recorded."),
        ("audit.actor", "操作人", "Actor"),
        ("audit.actor-hint", "员工用户名，或记录中的名称（角色:编号）", "A staff user name, or the name as recorded (such as collector:…)"),
        ("audit.action", "操作", "Action"),
        ("audit.action-hint", "完整代码，或以 . 结尾的前缀", "The whole code, or a prefix ending in . (such as loan.)"),
        ("audit.entity-type", "对象类型", "Object type"),
        ("audit.entity-id", "对象编号", "Object id"),
        ("audit.entity-id-hint", "编号，或贷款编号、申请编号", "An id, or a loan number or application reference"),
        ("audit.any-type", "全部", "Any"),
        ("audit.sequence", "序号", "No."),
        ("audit.at", "时间（北京时间）", "Time (Beijing)"),
        ("audit.entity", "对象", "Object"),
        ("audit.data", "内容", "Details"),
        ("audit.none", "没有符合条件的记录。", "No entries match."),
        ("audit.export", "导出 CSV", "Export CSV"),
        ("audit.verify", "校验审计链", "Verify the chain"),
        ("audit.verify-lead", "逐条校验密钥哈希，并与数据库之外的签名检查点核对。", "Checks every entry's keyed hash and the signed checkpoints kept outside the database."),
        ("audit.verified.intact", "审计链完整：已校验 {0} 条，检查点已更新至第 {1} 条。", "The chain is intact: {0} entries checked, anchored through entry {1}."),
        ("audit.verified.empty", "审计链完整：日志中还没有记录。", "The chain is intact: the log holds no entries yet."),
        ("audit.verified.broken", "审计链已损坏：第 {0} 条起{1}。", "The chain is broken at entry {0}: {1}."),
        ("audit.verified.broken-checkpoints", "审计链无法校验：{0}。", "The chain cannot be verified: {0}."),
        ("audit.break.missing-entry", "有记录被删除", "entries were deleted"),
        ("audit.break.unlinked", "记录与上一条不再相连", "an entry no longer links to the one before"),
        ("audit.break.rehashed-without-key", "有记录在无密钥的情况下被重算哈希", "entries were rehashed without the key"),
        ("audit.break.altered", "记录内容被修改", "an entry's content was altered"),
        ("audit.break.truncated", "最新的记录被删除", "the newest entries were deleted"),
        ("audit.break.checkpoint-mismatch", "与签名检查点不符", "it does not match a signed checkpoint"),
        ("audit.break.checkpoint-forged", "检查点文件被篡改", "the checkpoint file was tampered with"),
        ("audit.type.loan", "贷款", "Loan"),
        ("audit.type.application", "申请", "Application"),
        ("audit.type.customer", "客户", "Customer"),
        ("audit.type.case", "工单", "Case"),
        ("audit.type.contract", "合同", "Contract"),
        ("audit.type.user", "用户", "User"),
        ("audit.type.dealer", "经销商", "Dealer"),
        ("audit.type.approval", "复核", "Approval"),
        ("audit.type.list", "列表", "List"),
        ("audit.type.audit-log", "审计日志", "Audit log"),
    ];

    private static (string Key, string Zh, string En)[] AuditActionEntries() =>
    [
        ("audit.action.audit.searched", "查询审计日志", "Searched the audit log"),
        ("audit.action.audit.exported", "导出审计日志", "Exported the audit log"),
        ("audit.action.audit.chain-keyed", "审计链启用密钥", "Keyed the audit chain"),
        ("audit.action.list.exported", "导出列表", "Exported a list"),
        ("audit.action.collections.mobile-revealed", "查看债务人完整手机号", "Revealed a debtor's mobile"),
        ("audit.action.collections.contact", "记录催收联系", "Logged a collections contact"),
        ("audit.action.collections.assigned", "分配催收任务", "Assigned collections work"),
        ("audit.action.customer.profile.read", "查看客户全景", "Read a customer's profile"),
        ("audit.action.customer.exported", "导出客户个人信息", "Exported a customer's data"),
        ("audit.action.customer.master-data-changed", "修改客户资料", "Changed a customer's details"),
        ("audit.action.customer.erasure", "删除客户个人信息", "Erased a customer's data"),
        ("audit.action.credit-report.read", "查看征信报告", "Read a credit report"),
        ("audit.action.application.submitted", "提交申请", "Submitted an application"),
        ("audit.action.application.decided", "审批申请", "Decided an application"),
        ("audit.action.application.bureau-overridden", "人工更正征信数据", "Overrode bureau figures"),
        ("audit.action.offer.accepted", "接受方案", "Accepted an offer"),
        ("audit.action.contract.sealed", "签署合同", "Signed a contract"),
        ("audit.action.contract.disbursed", "放款", "Disbursed a contract"),
        ("audit.action.contract.funding-recorded", "登记首付与资金", "Recorded a contract's funding"),
        ("audit.action.payout.instructed", "发出放款指令", "Instructed a payout"),
        ("audit.action.payout.confirmed", "放款已到账", "Payout confirmed"),
        ("audit.action.payout.returned", "放款被退回", "Payout returned"),
        ("audit.action.payment.received", "还款入账", "Posted a payment"),
        ("audit.action.payment.reversed", "冲正还款", "Reversed a payment"),
        ("audit.action.payment.intent.created", "发起在线还款", "Started an online payment"),
        ("audit.action.payment.intent.succeeded", "在线还款成功", "Online payment succeeded"),
        ("audit.action.payment.debit.requested", "发起代扣", "Asked for a direct debit"),
        ("audit.action.refund.instructed", "发起退款", "Instructed a refund"),
        ("audit.action.loan.paid-off", "结清贷款", "Paid off a loan"),
        ("audit.action.loan.written-off", "核销贷款", "Wrote off a loan"),
        ("audit.action.loan.rate-changed", "调整贷款利率", "Changed a loan's rate"),
        ("audit.action.loan.charges-waived", "减免逾期费用", "Waived late charges"),
        ("audit.action.loan.hardship", "批准困难还款计划", "Granted a hardship plan"),
        ("audit.action.hardship.requested", "申请困难还款安排", "Asked for hardship relief"),
        ("audit.action.hardship.request-approved", "批准困难还款安排", "Approved hardship relief"),
        ("audit.action.hardship.request-declined", "拒绝困难还款安排", "Declined hardship relief"),
        ("audit.action.case.opened", "创建工单", "Opened a case"),
        ("audit.action.case.responded", "回复工单", "Answered a case"),
        ("audit.action.case.resolved", "解决工单", "Resolved a case"),
        ("audit.action.case.reopened", "重新打开工单", "Reopened a case"),
        ("audit.action.approval.requested", "提交复核", "Asked for an approval"),
        ("audit.action.approval.rejected", "复核拒绝", "Rejected a request"),
        ("audit.action.blacklist.added", "加入黑名单", "Added to the blacklist"),
        ("audit.action.blacklist.removed", "移出黑名单", "Removed from the blacklist"),
        ("audit.action.user.role-changed", "变更员工角色", "Changed a staff role"),
        ("audit.action.sessions.revoked", "结束用户会话", "Ended a user's sessions"),
        ("audit.action.auth.registered", "注册账户", "Registered an account"),
        ("audit.action.auth.password-changed", "修改密码", "Changed a password"),
        ("audit.action.api-key.issued", "签发经销商接口密钥", "Issued a dealer API key"),
        ("audit.action.api-key.revoked", "吊销经销商接口密钥", "Revoked a dealer API key"),
        ("audit.action.model.uploaded", "上传模型", "Uploaded a model"),
        ("audit.action.model.promoted", "启用模型", "Promoted a model"),
        ("audit.action.model.rolled-back", "回退模型", "Rolled a model back"),
        ("audit.action.product.versioned", "发布产品新版本", "Published a product version"),
        ("audit.action.job.run-requested", "手动运行定时任务", "Ran a job by hand"),
        ("audit.action.document.uploaded", "上传材料", "Uploaded a document"),
        ("audit.action.document.accepted", "通过材料", "Accepted a document"),
        ("audit.action.document.rejected", "退回材料", "Rejected a document"),
        ("audit.action.consent.granted", "授予同意", "Consent granted"),
        ("audit.action.consent.withdrawn", "撤回同意", "Consent withdrawn"),
    ];
}
