namespace AutoFinance.Web.Components.Localization;

/// <summary>The strings of the debtor's contact details, the measured roll rates, application drafts and empty lists.</summary>
public static partial class UiText
{
    private static (string Key, string Zh, string En)[] StoryEntries() =>
    [
        ("coll.debtor", "借款人", "Debtor"),
        ("coll.debtor-name", "姓名", "Name"),
        ("coll.debtor-mobile", "手机号", "Mobile"),
        ("coll.reveal", "显示完整号码", "Show the whole number"),
        ("coll.reveal-note", "查看完整号码会记入审计日志。", "Showing the whole number is recorded in the audit log."),
        ("coll.revealed", "完整号码已显示，此次查看已记入审计日志。", "The whole number is shown; this look is recorded in the audit log."),
        ("coll.masked-note", "号码已按您的角色隐藏部分数字。", "The number is partly hidden for your role."),
        ("coll.roll-rates", "逾期段滚动率", "Roll rates by bucket"),
        ("coll.roll-rates-lead", "按月统计：各逾期段账户在下个月末进入更差状态的比例，来自近 {0} 个月的日终记录；样本不足的逾期段沿用预设值。", "Measured monthly: the share of accounts in each bucket that were in a worse state a month later, from the last {0} months of end-of-day history; a bucket with too few moves keeps the assumed figure."),
        ("coll.roll-bucket", "逾期段", "Bucket"),
        ("coll.roll-forward", "滚动率", "Roll forward"),
        ("coll.roll-moves", "样本数", "Moves"),
        ("coll.roll-source", "来源", "Source"),
        ("coll.roll-measured", "实测", "Measured"),
        ("coll.roll-assumed", "预设", "Assumed"),
    ];
}
