namespace AutoFinance.Web.Components.Localization;

/// <summary>The admin console's strings: the blacklist, users and roles, dealers and their keys, write-offs and hardship requests.</summary>
public static partial class UiText
{
    private static Dictionary<string, (string Zh, string En)> WithConsole(Dictionary<string, (string Zh, string En)> table)
    {
        foreach (var (key, zh, en) in ConsoleEntries())
        {
            table.Add(key, (zh, en));
        }

        return table;
    }

    private static IEnumerable<(string Key, string Zh, string En)> ConsoleEntries() =>
    [
        ("nav.blacklist", "黑名单", "Blacklist"),
        ("nav.users", "用户与角色", "Users and roles"),
        ("nav.dealers", "经销商", "Dealers"),
        ("nav.write-offs", "核销", "Write-offs"),
        ("nav.hardship", "困难申请", "Hardship requests"),

        ("console.sent", "已提交，待另一位经理或管理员在“双人复核”中批准后生效。", "Sent: it takes effect when another manager or admin approves it under Approvals."),
        ("console.to-approvals", "前往双人复核", "Go to approvals"),
        ("console.not-done", "操作未完成：", "Not done: "),
        ("console.reason", "理由", "Reason"),
        ("console.reason-hint", "3–300 个字符", "3–300 characters"),
        ("console.admin-only", "只有管理员可以执行此操作。", "Only an admin can do this."),

        ("blacklist.title", "黑名单", "Blacklist"),
        ("blacklist.lead", "身份证号、手机号与车架号以密钥哈希保存，页面只显示脱敏值。加入或移出都须另一位经理或管理员批准。", "National IDs, mobiles and VINs are kept as keyed hashes; only their masked form is shown. Adding or removing one waits for another manager or admin to approve."),
        ("blacklist.add", "申请加入黑名单", "Ask to add to the blacklist"),
        ("blacklist.kind", "类型", "Kind"),
        ("blacklist.kind.national-id", "身份证号", "National ID"),
        ("blacklist.kind.mobile", "手机号", "Mobile"),
        ("blacklist.kind.vin", "车架号", "VIN"),
        ("blacklist.value", "号码", "Number"),
        ("blacklist.submit", "提交审批", "Send for approval"),
        ("blacklist.entries", "当前名单", "On the list"),
        ("blacklist.empty", "黑名单为空。", "The blacklist is empty."),
        ("blacklist.added-by", "加入人", "Added by"),
        ("blacklist.added-at", "加入时间", "Added"),
        ("blacklist.remove", "申请移出", "Ask to remove"),

        ("users.title", "用户与角色", "Users and roles"),
        ("users.lead", "所有账户、角色与在线会话。客户的登录名（手机号）已脱敏。变更员工角色须另一位经理或管理员批准，批准后其会话即结束。", "Every account with its role and open sessions; customers' sign-in names (mobiles) are masked. Moving staff to another role waits for another manager or admin; their sessions end when it is approved."),
        ("users.name", "姓名", "Name"),
        ("users.user-name", "登录名", "Sign-in name"),
        ("users.role", "角色", "Role"),
        ("users.sessions", "在线会话", "Open sessions"),
        ("users.inactive", "已停用", "Inactive"),
        ("users.end-sessions", "结束全部会话", "End every session"),
        ("users.ended", "已结束 {0} 个会话。", "{0} sessions ended."),
        ("users.change-role", "申请变更员工角色", "Ask to change a staff role"),
        ("users.user", "员工", "Staff member"),
        ("users.new-role", "新角色", "New role"),
        ("users.empty", "没有账户。", "No accounts."),
        ("users.filter", "按角色筛选", "Filter by role"),
        ("users.all", "全部", "All"),

        ("dealers.title", "经销商", "Dealers"),
        ("dealers.lead", "经销商及其 API 密钥状态。新密钥只显示一次，旧密钥随即失效；吊销密钥也会结束该经销商网页用户的全部会话。", "Dealers and the state of their API keys. A new key is shown once and the old one stops at once; revoking a key also ends every web session of the dealer's people."),
        ("dealers.code", "代码", "Code"),
        ("dealers.name", "名称", "Name"),
        ("dealers.key", "API 密钥", "API key"),
        ("dealers.key.active", "有效", "Active"),
        ("dealers.key.revoked", "已吊销", "Revoked"),
        ("dealers.key.expired", "已过期", "Expired"),
        ("dealers.expires", "到期", "Expires"),
        ("dealers.no-expiry", "不过期", "No expiry"),
        ("dealers.issue", "签发或轮换密钥", "Issue or rotate a key"),
        ("dealers.dealer", "经销商", "Dealer"),
        ("dealers.valid-days", "有效天数", "Valid for (days)"),
        ("dealers.valid-days-hint", "留空为不过期；1–3650", "Empty for no expiry; 1–3650"),
        ("dealers.issue-submit", "签发新密钥", "Issue a new key"),
        ("dealers.new-key", "新密钥（只显示这一次，请立即交给经销商并妥善保存）：", "The new key (shown this once: hand it to the dealer now and keep it safe):"),
        ("dealers.revoke", "吊销密钥", "Revoke key"),
        ("dealers.revoked", "密钥已吊销。", "The key is revoked."),
        ("dealers.empty", "还没有经销商。", "No dealers yet."),
        ("dealers.valid-days-error", "须为 1 至 3650 的整数", "A whole number from 1 to 3650"),

        ("writeoffs.title", "核销", "Write-offs"),
        ("writeoffs.lead", "在日终自动核销之前手动核销一笔贷款，须另一位经理或管理员批准后执行。", "Writing a loan off before end-of-day's charge-off days waits for another manager or admin to approve it."),
        ("writeoffs.propose", "申请核销", "Propose a write-off"),
        ("writeoffs.loan", "贷款编号", "Loan number"),
        ("writeoffs.proposals", "核销申请", "Proposals"),
        ("writeoffs.proposals-empty", "还没有核销申请。", "No write-off proposals yet."),
        ("writeoffs.written-off", "已核销的贷款", "Loans written off"),
        ("writeoffs.written-off-empty", "还没有已核销的贷款。", "No loan is written off."),
        ("writeoffs.principal", "本金", "Principal"),
        ("writeoffs.dpd", "逾期天数", "Days past due"),
        ("writeoffs.bucket", "逾期档", "Bucket"),
        ("writeoffs.closed-on", "最后日终", "Last close"),
        ("err.loan.unknown", "没有这个编号的贷款", "No loan has this number"),
        ("err.loan.not-active", "该贷款已结清或已核销", "The loan is closed or already written off"),
        ("err.user.not-staff", "只能变更员工账户的角色", "Only a staff account's role can change"),
        ("err.user.same-role", "该账户已是此角色", "The account already has this role"),
        ("approvals.action.user.role-change", "变更员工角色", "Change a staff role"),
    ];
}
