namespace AutoFinance.Web.Components.Localization;

/// <summary>The words every back-office list's controls share: sort keys, filters and the status words without a table of their own.</summary>
public static partial class UiText
{
    private static Dictionary<string, (string Zh, string En)> WithLists(Dictionary<string, (string Zh, string En)> table)
    {
        foreach (var (key, zh, en) in ListEntries())
        {
            table.Add(key, (zh, en));
        }

        return table;
    }

    private static IEnumerable<(string Key, string Zh, string En)> ListEntries() =>
    [
        ("list.filter", "筛选", "Filter"),
        ("list.status", "状态", "Status"),
        ("list.status-any", "全部", "All"),
        ("list.from", "起始日期", "From"),
        ("list.to", "截止日期", "To"),
        ("list.find", "查找", "Find"),
        ("list.apply", "筛选", "Apply"),
        ("list.clear", "清除筛选", "Clear filters"),

        ("list.sort.urgency", "紧急程度", "Urgency"),
        ("list.sort.opened", "创建时间", "Opened"),
        ("list.sort.reference", "编号", "Reference"),
        ("list.sort.priority", "优先级", "Priority"),
        ("list.sort.status", "状态", "Status"),
        ("list.sort.state", "状态", "State"),
        ("list.sort.due", "截止时间", "Due"),
        ("list.sort.created", "创建时间", "Created"),
        ("list.sort.score", "评分", "Score"),
        ("list.sort.uploaded", "上传时间", "Uploaded"),
        ("list.sort.kind", "类型", "Kind"),
        ("list.sort.pending", "待回答优先", "Pending first"),
        ("list.sort.answered", "回答时间", "Answered"),
        ("list.sort.csat", "满意度", "CSAT"),
        ("list.sort.nps", "NPS", "NPS"),
        ("list.sort.amount", "金额", "Amount"),
        ("list.sort.owed", "待退金额", "Owed"),
        ("list.sort.payable", "应退总额", "Refund payable"),
        ("list.sort.requested", "申请时间", "Requested"),
        ("list.sort.action", "操作", "Action"),
        ("list.sort.decided", "处理时间", "Decided"),
        ("list.sort.principal", "贷款金额", "Amount"),
        ("list.sort.dpd", "逾期天数", "Days past due"),
        ("list.sort.closed", "最近日终", "Last close"),
        ("list.sort.added", "加入时间", "Added"),
        ("list.sort.value", "号码", "Value"),
        ("list.sort.name", "名称", "Name"),
        ("list.sort.role", "角色", "Role"),
        ("list.sort.sessions", "在线会话", "Open sessions"),
        ("list.sort.code", "代码", "Code"),
        ("list.sort.key-expires", "密钥到期", "Key expires"),
        ("list.sort.rank", "排名", "Rank"),
        ("list.sort.at-risk", "风险金额", "Amount at risk"),
        ("list.sort.overdue", "逾期金额", "Amount overdue"),
        ("list.sort.model", "模型", "Model"),
        ("list.sort.auc", "AUC", "AUC"),
        ("list.sort.ks", "KS", "KS"),
        ("list.sort.version", "版本", "Version"),
        ("list.sort.effective", "生效时间", "Effective"),
        ("list.sort.started", "开始时间", "Started"),
        ("list.sort.job", "任务", "Job"),
        ("list.sort.outcome", "结果", "Outcome"),

        ("jobs.history", "运行记录", "Run history"),
        ("jobs.nothing-to-do", "无待办事项（此类运行只保留最近一次）", "Nothing to do (only the latest such run is kept)"),
        ("jobs.history-empty", "暂无运行记录。", "No runs yet."),
        ("jobs.run.job", "任务", "Job"),
        ("jobs.run.started", "开始", "Started"),
        ("jobs.run.finished", "结束", "Finished"),
        ("jobs.run.trigger", "触发", "Trigger"),
        ("jobs.run.node", "节点", "Node"),
        ("jobs.run.outcome", "结果", "Outcome"),

        ("list.status.breached", "已超时", "Breached"),
        ("list.status.within-sla", "时限内", "Within SLA"),
        ("list.status.pending", "待回答", "Pending"),
        ("list.status.answered", "已回答", "Answered"),
        ("list.status.active", "启用", "Active"),
        ("list.status.inactive", "停用", "Inactive"),
    ];
}
