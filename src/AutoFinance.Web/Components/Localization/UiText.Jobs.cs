namespace AutoFinance.Web.Components.Localization;

/// <summary>
/// What a job's run did, said from the facts the run kept (see <see cref="JobWords"/>): a placeholder is <c>{fact}</c>,
/// or <c>{kind:fact}</c> to say the fact as a word of that kind (number, money, date, band, …).
/// </summary>
public static partial class UiText
{
    private static Dictionary<string, (string Zh, string En)> WithJobRuns(Dictionary<string, (string Zh, string En)> table)
    {
        foreach (var (key, zh, en) in JobRunEntries())
        {
            table.Add(key, (zh, en));
        }

        return table;
    }

    private static (string Key, string Zh, string En)[] JobRunEntries() =>
    [
        ("jobs.detail.end-of-day", "已关账 {date:day}：贷款 {number:loans} 笔，分录 {number:entries} 笔，核销 {number:chargedOff} 笔；分区完成 {number:partitionsDone} 个、剩余 {number:partitionsLeft} 个；用时 {number:seconds} 秒",
            "Closed {date:day}: {number:loans} loans, {number:entries} entries, {number:chargedOff} charged off; partitions {number:partitionsDone} done and {number:partitionsLeft} left; {number:seconds} s"),
        ("jobs.detail.insight-refresh", "客户 {number:customers} 位，客群 {number:segments} 个，有流失风险 {number:atRisk} 位；用时 {number:seconds} 秒",
            "{number:customers} customers, {number:segments} segments, {number:atRisk} at risk; {number:seconds} s"),
        ("jobs.detail.direct-debit", "{date:day}：发起代扣 {number:requested} 笔，共 {money:amount}；此前已发起 {number:alreadyRequested} 笔，支付机构未受理 {number:unreachable} 笔，未答复 {number:unanswered} 笔。此前未答复的代扣重发：受理 {number:resentTaken} 笔，仍未答复 {number:resentUnanswered} 笔，失败 {number:resentFailed} 笔",
            "{date:day}: {number:requested} debits asked for {money:amount}, {number:alreadyRequested} already asked, {number:unreachable} not taken by the provider, {number:unanswered} unanswered. Earlier unanswered debits sent again: {number:resentTaken} taken, {number:resentUnanswered} still unanswered, {number:resentFailed} failed"),
        ("jobs.detail.card-refunds", "发起退款 {number:instructed} 笔，共 {money:amount}；未绑定银行卡 {number:withoutCard} 笔，被拒 {number:refused} 笔",
            "{number:instructed} refunds instructed for {money:amount}; {number:withoutCard} without a bound card, {number:refused} refused"),
        ("jobs.detail.payout-resend", "未答复的付款重发后受理 {number:taken} 笔，仍未答复 {number:unanswered} 笔，被拒 {number:refused} 笔",
            "{number:taken} unanswered payouts sent again and taken, {number:unanswered} still unanswered, {number:refused} refused"),
        ("jobs.detail.model-monitoring", "模型 {model}：评分 {number:scores} 笔，PSI {if-any:psi}（{band:band}）；最大 CSI {if-any:csi}；分等级早期逾期 {if-any:grades}{alert:alert}",
            "Model {model}: PSI {if-any:psi} ({band:band}) over {number:scores} scores; largest CSI {if-any:csi}; early delinquency by grade {if-any:grades}{alert:alert}"),
        ("jobs.detail.sla-escalation", "检查工单 {number:checked} 个，升级 {number:escalated} 个，发出满意度调查 {number:surveys} 份",
            "{number:checked} cases checked, {number:escalated} escalated, {number:surveys} surveys requested"),
        ("jobs.detail.outbox-dispatch", "已发送 {number:sent} 条，待重试 {number:retrying} 条，失败 {number:failed} 条",
            "{number:sent} sent, {number:retrying} to retry, {number:failed} failed"),
        ("jobs.detail.run-history-cleanup", "删除 {number:days} 天前的运行记录 {number:removed} 条",
            "{number:removed} runs older than {number:days} days removed"),
        ("jobs.detail.none", "无", "n/a"),
        ("jobs.detail.alert-raised", "；已告警", "; alert raised"),
        ("jobs.failed.shutdown", "已中止：运行期间服务器关闭", "Stopped: the host shut down during the run"),
    ];
}
