namespace AutoFinance.Web.Components.Localization;

/// <summary>
/// What a job's run did, said from the facts the run kept (see <see cref="JobWords"/>): a placeholder is <c>{fact}</c>,
/// or <c>{kind:fact}</c> to say the fact as a word of that kind (money, date, band, …).
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
        ("jobs.detail.end-of-day", "已关账 {date:day}：贷款 {loans} 笔，分录 {entries} 笔，核销 {chargedOff} 笔；分区完成 {partitionsDone} 个、剩余 {partitionsLeft} 个；用时 {seconds} 秒",
            "Closed {date:day}: {loans} loans, {entries} entries, {chargedOff} charged off; partitions {partitionsDone} done and {partitionsLeft} left; {seconds} s"),
        ("jobs.detail.insight-refresh", "客户 {customers} 位，客群 {segments} 个，有流失风险 {atRisk} 位；用时 {seconds} 秒",
            "{customers} customers, {segments} segments, {atRisk} at risk; {seconds} s"),
        ("jobs.detail.direct-debit", "{date:day}：发起代扣 {requested} 笔，共 {money:amount}；此前已发起 {alreadyRequested} 笔，支付机构未受理 {unreachable} 笔，未答复 {unanswered} 笔。此前未答复的代扣重发：受理 {resentTaken} 笔，仍未答复 {resentUnanswered} 笔，失败 {resentFailed} 笔",
            "{date:day}: {requested} debits asked for {money:amount}, {alreadyRequested} already asked, {unreachable} not taken by the provider, {unanswered} unanswered. Earlier unanswered debits sent again: {resentTaken} taken, {resentUnanswered} still unanswered, {resentFailed} failed"),
        ("jobs.detail.card-refunds", "发起退款 {instructed} 笔，共 {money:amount}；未绑定银行卡 {withoutCard} 笔，被拒 {refused} 笔",
            "{instructed} refunds instructed for {money:amount}; {withoutCard} without a bound card, {refused} refused"),
        ("jobs.detail.payout-resend", "未答复的付款重发后受理 {taken} 笔，仍未答复 {unanswered} 笔，被拒 {refused} 笔",
            "{taken} unanswered payouts sent again and taken, {unanswered} still unanswered, {refused} refused"),
        ("jobs.detail.model-monitoring", "模型 {model}：评分 {scores} 笔，PSI {if-any:psi}（{band:band}）；最大 CSI {if-any:csi}；分等级早期逾期 {if-any:grades}{alert:alert}",
            "Model {model}: PSI {if-any:psi} ({band:band}) over {scores} scores; largest CSI {if-any:csi}; early delinquency by grade {if-any:grades}{alert:alert}"),
        ("jobs.detail.sla-escalation", "检查工单 {checked} 个，升级 {escalated} 个，发出满意度调查 {surveys} 份",
            "{checked} cases checked, {escalated} escalated, {surveys} surveys requested"),
        ("jobs.detail.outbox-dispatch", "已发送 {sent} 条，待重试 {retrying} 条，失败 {failed} 条",
            "{sent} sent, {retrying} to retry, {failed} failed"),
        ("jobs.detail.run-history-cleanup", "删除 {days} 天前的运行记录 {removed} 条",
            "{removed} runs older than {days} days removed"),
        ("jobs.detail.none", "无", "n/a"),
        ("jobs.detail.alert-raised", "；已告警", "; alert raised"),
        ("jobs.failed.shutdown", "已中止：运行期间服务器关闭", "Stopped: the host shut down during the run"),
    ];
}
