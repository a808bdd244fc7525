namespace AutoFinance.Web.Components.Localization;

/// <summary>The operations pages' strings: the scheduler's jobs, staff alerts, the approvals queue, paging and back-office search.</summary>
public static partial class UiText
{
    private static Dictionary<string, (string Zh, string En)> WithOperations(Dictionary<string, (string Zh, string En)> table)
    {
        foreach (var (key, zh, en) in OperationsEntries())
        {
            table.Add(key, (zh, en));
        }

        return table;
    }

    private static IEnumerable<(string Key, string Zh, string En)> OperationsEntries() =>
    [
        ("nav.jobs", "定时任务", "Scheduled jobs"),
        ("nav.approvals", "双人复核", "Approvals"),
        ("nav.search", "查找", "Search"),

        ("jobs.title", "定时任务", "Scheduled jobs"),
        ("jobs.lead", "平台按计划自动运行的任务：上次运行、下次运行与结果。多台服务器同时运行时，每次计划只由其中一台执行。", "The work the platform runs by itself on a schedule: last run, next run and outcome. With several servers running, each occurrence is run by one of them only."),
        ("jobs.job", "任务", "Job"),
        ("jobs.schedule", "计划（北京时间）", "Schedule (Beijing time)"),
        ("jobs.next", "下次运行", "Next run"),
        ("jobs.last", "上次运行", "Last run"),
        ("jobs.outcome", "结果", "Outcome"),
        ("jobs.last-ok", "上次成功", "Last success"),
        ("jobs.never", "尚未运行", "Not run yet"),
        ("jobs.every", "每 {0} 秒", "Every {0} s"),
        ("jobs.run-now", "立即运行", "Run now"),
        ("jobs.ran-ok", "“{0}”已运行完成。", "“{0}” ran and succeeded."),
        ("jobs.ran-failed", "“{0}”运行失败，原因见下表。", "“{0}” failed; the reason is in the table below."),
        ("jobs.note", "计划按北京时间配置（可在定时设置中修改）；运行记录保存在数据库中，重启后仍可查看。", "Schedules are cron expressions in Beijing time (the Scheduler settings); runs are kept in the database and survive restarts."),
        ("jobs.trigger.schedule", "按计划", "Scheduled"),
        ("jobs.trigger.manual", "手动", "Manual"),
        ("jobs.outcome.running", "运行中", "Running"),
        ("jobs.outcome.succeeded", "成功", "Succeeded"),
        ("jobs.outcome.failed", "失败", "Failed"),
        ("job.end-of-day", "日终批处理", "End of day"),
        ("job.end-of-day.what", "计息、罚息、逾期分档与核销，按分区并行", "Accrual, late charges, delinquency buckets and charge-off, by partition"),
        ("job.insight-refresh", "客户洞察刷新", "Insight refresh"),
        ("job.insight-refresh.what", "客群、标签与流失风险每晚重算", "Segments, tags and churn risk, recomputed nightly"),
        ("job.model-monitoring", "模型监控", "Model monitoring"),
        ("job.model-monitoring.what", "评分 PSI、各特征稳定性与分等级早期逾期；PSI 超限即告警", "Score PSI, characteristic stability and early delinquency by grade; alerts when PSI crosses its limit"),
        ("job.sla-escalation", "服务时限检查", "SLA escalation check"),
        ("job.sla-escalation.what", "超时工单升级，并发出满意度调查", "Escalates breached cases and sends satisfaction surveys"),
        ("job.outbox-dispatch", "消息投递", "Outbox dispatch"),
        ("job.outbox-dispatch.what", "发送待发的短信、邮件与站内消息，失败重试", "Sends waiting SMS, e-mail and in-app messages, retrying failures"),
        ("job.run-history-cleanup", "运行记录清理", "Run history clean-up"),
        ("job.run-history-cleanup.what", "删除过期的运行记录，每个任务保留最近一次", "Removes old runs, keeping each job's latest"),

        ("alerts.title", "待处理告警", "Alerts to look at"),
        ("alerts.kind.model.psi", "模型评分分布漂移", "Model score drift"),
        ("alerts.acknowledge", "已知悉", "Acknowledge"),

        ("approvals.title", "双人复核", "Approvals"),
        ("approvals.lead", "敏感操作（黑名单变更、手动核销、未脱敏导出）须由另一位经理或管理员批准后才会执行；不能审批自己发起的申请。", "Sensitive actions (blacklist changes, manual write-offs, unmasked exports) are carried out only when another manager or admin approves them; nobody approves their own request."),
        ("approvals.filter", "按状态筛选", "Filter by status"),
        ("approvals.filter.pending", "待审批", "Pending"),
        ("approvals.filter.approved", "已批准", "Approved"),
        ("approvals.filter.rejected", "已拒绝", "Rejected"),
        ("approvals.filter.failed", "执行失败", "Failed"),
        ("approvals.filter.all", "全部", "All"),
        ("approvals.none", "没有符合条件的申请。", "No requests here."),
        ("approvals.action.blacklist.add", "加入黑名单", "Add to blacklist"),
        ("approvals.action.blacklist.remove", "移出黑名单", "Remove from blacklist"),
        ("approvals.action.loan.write-off", "手动核销贷款", "Write off a loan"),
        ("approvals.action.customer.export-unmasked", "未脱敏导出客户数据", "Unmasked customer export"),
        ("approvals.status.pending", "待审批", "Pending"),
        ("approvals.status.approved", "已批准", "Approved"),
        ("approvals.status.rejected", "已拒绝", "Rejected"),
        ("approvals.status.failed", "执行失败", "Failed"),
        ("approvals.reason", "申请理由", "Reason given"),
        ("approvals.requested-by", "申请人", "Requested by"),
        ("approvals.decided-by", "审批人", "Decided by"),
        ("approvals.result", "结果说明", "Outcome"),
        ("approvals.reject-reason", "拒绝理由（拒绝时必填）", "Reason for rejecting (required to reject)"),
        ("approvals.approve", "批准并执行", "Approve and carry out"),
        ("approvals.reject", "拒绝", "Reject"),
        ("approvals.own", "这是您发起的申请，须由另一位经理或管理员审批。", "You asked for this action: another manager or admin must decide it."),
        ("approvals.already", "该申请已被他人处理。", "Someone else has already decided this request."),
        ("approvals.reason-needed", "拒绝时请填写理由（3 至 300 个字符）。", "Give a reason to reject (3 to 300 characters)."),
        ("approvals.done.approved", "已批准，操作已执行。", "Approved: the action was carried out."),
        ("approvals.done.rejected", "已拒绝。", "Rejected."),
        ("approvals.done.failed", "已批准，但操作无法执行，原因见结果说明。", "Approved, but the action could not be carried out; see its outcome."),
        ("approvals.not-done", "未能处理该申请。", "The request could not be decided."),

        ("pager.label", "分页", "Pages"),
        ("pager.status", "第 {0} / {1} 页，共 {2} 条", "Page {0} of {1}, {2} in all"),
        ("pager.prev", "上一页", "Previous"),
        ("pager.next", "下一页", "Next"),

        ("search.title", "查找客户与业务", "Find a customer or a record"),
        ("search.lead", "输入姓名、手机号、身份证号、申请编号、贷款编号、车架号（VIN）或工单编号。姓名、手机号、身份证号与车架号按加密摘要精确匹配。", "Type a name, mobile, national ID, application reference, loan number, VIN or case number. Names, mobiles, national IDs and VINs are matched exactly through their keyed hashes."),
        ("search.box", "查找内容", "Search for"),
        ("search.submit", "查找", "Search"),
        ("search.none", "没有找到匹配的记录。", "Nothing matches."),
        ("search.customers", "客户", "Customers"),
        ("search.applications", "申请", "Applications"),
        ("search.loans", "贷款", "Loans"),
        ("search.cases", "工单", "Cases"),
        ("search.matched", "匹配项", "Matched on"),
        ("search.key.name", "姓名", "Name"),
        ("search.key.mobile", "手机号", "Mobile"),
        ("search.key.national-id", "身份证号", "National ID"),
        ("search.key.vin", "车架号", "VIN"),
        ("search.key.application", "申请编号", "Application reference"),
        ("search.key.loan", "贷款编号", "Loan number"),
        ("search.key.case", "工单编号", "Case number"),
        ("search.key.customer", "客户", "Customer"),
        ("search.too-short", "请至少输入 2 个字符。", "Type at least 2 characters."),
        ("search.export", "导出 CSV", "Export CSV"),
    ];
}
