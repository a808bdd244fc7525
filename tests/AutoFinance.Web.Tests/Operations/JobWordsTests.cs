using AutoFinance.Domain.Lifecycle;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Web.Components.Localization;
using AutoFinance.Web.Hosting.Scheduling;

namespace AutoFinance.Web.Tests.Operations;

public sealed class JobWordsTests
{
    [Theory]
    [InlineData(PlatformJobs.EndOfDay)]
    [InlineData(PlatformJobs.InsightRefresh)]
    [InlineData(PlatformJobs.DirectDebit)]
    [InlineData(PlatformJobs.CardRefunds)]
    [InlineData(PlatformJobs.PayoutResend)]
    [InlineData(PlatformJobs.ModelMonitoring)]
    [InlineData(PlatformJobs.SlaEscalation)]
    [InlineData(PlatformJobs.OutboxDispatch)]
    [InlineData(PlatformJobs.RunHistoryCleanup)]
    public void Every_job_says_what_its_run_did_in_both_languages(string job)
    {
        Assert.True(UiText.All.TryGetValue("jobs.detail." + job, out var text), job);
        Assert.False(string.IsNullOrWhiteSpace(text.Zh) || string.IsNullOrWhiteSpace(text.En), job);
    }

    [Fact]
    public void An_end_of_day_run_is_said_with_its_day_and_figures_grouped_by_thousands_in_both_languages()
    {
        var run = Run(PlatformJobs.EndOfDay, new() { ["day"] = "2026-03-09", ["loans"] = "1200", ["entries"] = "1234567", ["chargedOff"] = "0", ["partitionsDone"] = "2", ["partitionsLeft"] = "0", ["seconds"] = "1520.25" });
        Assert.Equal("已关账 2026年3月9日：贷款 1,200 笔，分录 1,234,567 笔，核销 0 笔；分区完成 2 个、剩余 0 个；用时 1,520.25 秒", UiLanguage.Zh.Detail(run));
        Assert.Equal("Closed 9 Mar 2026: 1,200 loans, 1,234,567 entries, 0 charged off; partitions 2 done and 0 left; 1,520.25 s", UiLanguage.En.Detail(run));
    }

    [Fact]
    public void Direct_debits_and_card_refunds_say_their_money_to_the_cent()
    {
        var debits = Run(PlatformJobs.DirectDebit, new()
        {
            ["day"] = "2026-03-10", ["requested"] = "1850", ["amount"] = "6412250.4", ["alreadyRequested"] = "1", ["unreachable"] = "0", ["unanswered"] = "1",
            ["resentTaken"] = "2", ["resentUnanswered"] = "0", ["resentFailed"] = "1",
        });
        Assert.Equal("2026年3月10日：发起代扣 1,850 笔，共 ¥6,412,250.40；此前已发起 1 笔，支付机构未受理 0 笔，未答复 1 笔。此前未答复的代扣重发：受理 2 笔，仍未答复 0 笔，失败 1 笔", UiLanguage.Zh.Detail(debits));
        Assert.Equal("10 Mar 2026: 1,850 debits asked for ¥6,412,250.40, 1 already asked, 0 not taken by the provider, 1 unanswered. Earlier unanswered debits sent again: 2 taken, 0 still unanswered, 1 failed", UiLanguage.En.Detail(debits));
        var refunds = Run(PlatformJobs.CardRefunds, new() { ["instructed"] = "1002", ["amount"] = "35.07", ["withoutCard"] = "1", ["refused"] = "0" });
        Assert.Equal("发起退款 1,002 笔，共 ¥35.07；未绑定银行卡 1 笔，被拒 0 笔", UiLanguage.Zh.Detail(refunds));
        Assert.Equal("1,002 refunds instructed for ¥35.07; 1 without a bound card, 0 refused", UiLanguage.En.Detail(refunds));
    }

    [Fact]
    public void The_model_check_says_its_band_a_missing_figure_and_its_alert_in_words()
    {
        var drifted = Run(PlatformJobs.ModelMonitoring, new() { ["model"] = "scorecard-v3", ["psi"] = "0.4123", ["band"] = "act", ["scores"] = "4120", ["csi"] = "age 0.0812", ["grades"] = "A 1/10 B 2/20", ["alert"] = "raised" });
        Assert.Equal("模型 scorecard-v3：评分 4,120 笔，PSI 0.4123（需处理）；最大 CSI age 0.0812；分等级早期逾期 A 1/10 B 2/20；已告警", UiLanguage.Zh.Detail(drifted));
        var quiet = Run(PlatformJobs.ModelMonitoring, new() { ["model"] = "scorecard-v3", ["psi"] = "", ["band"] = "none", ["scores"] = "0", ["csi"] = "", ["grades"] = "", ["alert"] = "none" });
        Assert.Equal("Model scorecard-v3: PSI n/a (No data) over 0 scores; largest CSI n/a; early delinquency by grade n/a", UiLanguage.En.Detail(quiet));
    }

    [Fact]
    public void The_frequent_jobs_and_the_clean_up_say_their_counts()
    {
        Assert.Equal("检查工单 40 个，升级 2 个，发出满意度调查 1 份", UiLanguage.Zh.Detail(Run(PlatformJobs.SlaEscalation, new() { ["checked"] = "40", ["escalated"] = "2", ["surveys"] = "1" })));
        var outbox = Run(PlatformJobs.OutboxDispatch, new() { ["sent"] = "12000", ["retrying"] = "1", ["failed"] = "0" });
        Assert.Equal("已发送 12,000 条，待重试 1 条，失败 0 条", UiLanguage.Zh.Detail(outbox));
        Assert.Equal("12,000 sent, 1 to retry, 0 failed", UiLanguage.En.Detail(outbox));
        Assert.Equal("未答复的付款重发后受理 1 笔，仍未答复 0 笔，被拒 0 笔", UiLanguage.Zh.Detail(Run(PlatformJobs.PayoutResend, new() { ["taken"] = "1", ["unanswered"] = "0", ["refused"] = "0" })));
        Assert.Equal("客户 500 位，客群 5 个，有流失风险 12 位；用时 0.85 秒", UiLanguage.Zh.Detail(Run(PlatformJobs.InsightRefresh, new() { ["customers"] = "500", ["segments"] = "5", ["atRisk"] = "12", ["seconds"] = "0.85" })));
        Assert.Equal("删除 3 天前的运行记录 7 条", UiLanguage.Zh.Detail(Run(PlatformJobs.RunHistoryCleanup, new() { ["removed"] = "7", ["days"] = "3" })));
    }

    [Fact]
    public void A_run_stopped_by_a_shutdown_and_one_with_nothing_to_do_are_said_in_words()
    {
        var stoppedRow = new JobRunRow { Job = PlatformJobs.EndOfDay, Trigger = JobRunner.MadeUp, Node = "a", Outcome = JobOutcome.Failed };
        stoppedRow.Record(JobRunner.Stopped);
        var idleRow = new JobRunRow { Job = PlatformJobs.OutboxDispatch, Trigger = JobRunner.Scheduled, Node = "a", Outcome = JobOutcome.Succeeded };
        idleRow.Record(JobRunner.NothingDone);
        Assert.Equal("已中止：运行期间服务器关闭", UiLanguage.Zh.Detail(JobQueries.View(stoppedRow)));
        Assert.Equal("Stopped: the host shut down during the run", UiLanguage.En.Detail(JobQueries.View(stoppedRow)));
        Assert.Equal("无待办事项（此类运行只保留最近一次）", UiLanguage.Zh.Detail(JobQueries.View(idleRow)));
    }

    [Fact]
    public void A_run_without_facts_an_error_or_a_missing_fact_is_left_to_its_english_line()
    {
        Assert.Null(UiLanguage.Zh.Detail(Run(PlatformJobs.EndOfDay, null)));
        Assert.Null(UiLanguage.Zh.Detail(Run(PlatformJobs.EndOfDay, new() { ["day"] = "2026-03-09", ["loans"] = "1200" })));
        var failed = JobQueries.View(new JobRunRow { Job = PlatformJobs.EndOfDay, Trigger = JobRunner.Scheduled, Node = "a", Outcome = JobOutcome.Failed, Detail = "InvalidOperationException: boom" });
        Assert.Null(UiLanguage.Zh.Detail(failed));
    }

    private static JobQueries.RunView Run(string job, Dictionary<string, string>? facts) =>
        new(Guid.NewGuid(), job, DateTimeOffset.UnixEpoch, JobRunner.Scheduled, "node-a", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, JobOutcome.Succeeded, "the English line") { DetailFacts = facts };
}
