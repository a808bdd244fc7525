using System.Globalization;
using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.CustomerIntelligence;
using AutoFinance.Infrastructure.Messaging;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Reporting;
using AutoFinance.Infrastructure.ServiceDesk;
using AutoFinance.Infrastructure.Servicing;

namespace AutoFinance.Web.Hosting.Scheduling;

/// <summary>
/// The jobs the platform runs by itself, each with its schedule from settings (section Scheduler; a cron expression
/// in <see cref="Zone"/>, or "off"):
/// end-of-day (Scheduler:EndOfDay, default 00:05, closing the local day just ended), the nightly insight refresh
/// (Scheduler:InsightRefresh, 02:00), the morning's direct debits (Scheduler:DirectDebit, 06:00), refunds of closed
/// loans' credit to bound cards (Scheduler:CardRefunds, 06:30), payouts the provider never answered sent again under
/// their reference (every Payouts:ResendCheckSeconds, 60 by default, once unanswered for Payouts:ResendAfterSeconds,
/// 120 by default; 0 turns it off), the daily model check (Scheduler:ModelMonitoring, 03:00), the SLA escalation
/// check (every ServiceDesk:EscalationCheckSeconds, 60 by default; 0 is off), outbox dispatch (every
/// Outbox:IntervalSeconds, 5 by default; Outbox:Enabled=false is off) and the clean-up of old run history
/// (Scheduler:RunHistoryCleanup, 04:30, keeping Scheduler:KeepRunsDays days). Beside each job is whether a slot it
/// missed while no host was up is made up at start-up (<see cref="MissedSlot"/>), and why.
/// </summary>
public static class PlatformJobs
{
    public const string EndOfDay = "end-of-day";
    public const string InsightRefresh = "insight-refresh";
    public const string ModelMonitoring = "model-monitoring";
    public const string SlaEscalation = "sla-escalation";
    public const string OutboxDispatch = "outbox-dispatch";
    public const string RunHistoryCleanup = "run-history-cleanup";
    public const string DirectDebit = "direct-debit";
    public const string CardRefunds = "card-refunds";
    public const string PayoutResend = "payout-resend";

    /// <summary>Outbox messages sent and marked together.</summary>
    private const int OutboxBatch = 1000;

    private static readonly Actor System = new("system", null, null, null, "scheduler");

    public static JobCatalog Catalog(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var zone = Zone(configuration);
        var jobs = new List<ScheduledJob>();
        ScheduledJob? Cron(string name, string key, string fallback, MissedSlot whenMissed, Func<JobContext, Task<RecordNote>> work, Func<DateTimeOffset, DateTimeOffset>? makeUpUntil = null)
        {
            var expression = configuration[$"Scheduler:{key}"] is { Length: > 0 } configured ? configured : fallback;
            if (string.Equals(expression, "off", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var job = new ScheduledJob(name, JobSchedule.Cron(expression, zone), work, whenMissed) { MakeUpUntil = makeUpUntil };
            jobs.Add(job);
            return job;
        }

        // Made up: the books stay open until it runs, and one run closes every day still open.
        var close = Cron(EndOfDay, "EndOfDay", "5 0 * * *", MissedSlot.MakeUpOnce, c => CloseBusinessDayAsync(c, zone));
        // Made up: otherwise agents work a day from stale segments and churn risk; a run only recomputes them.
        Cron(InsightRefresh, "InsightRefresh", "0 2 * * *", MissedSlot.MakeUpOnce, RefreshInsightAsync);
        // Made up the same day only: a customer who authorised the debit must not go late because no host was up at
        // 06:00, but money is not taken for a day already over or closed (that day's unpaid debits are asked again on
        // the retry days); a day's requests have fixed ids, so a run after a partial one asks nobody twice.
        Cron(DirectDebit, "DirectDebit", "0 6 * * *", MissedSlot.MakeUpSameDay, c => CollectByDirectDebitAsync(c, zone), slot => SameDayCutOff(slot, zone, close?.Schedule));
        // Made up: a score drift should not go unreported for a day; it alerts at most once per model and day.
        Cron(ModelMonitoring, "ModelMonitoring", "0 3 * * *", MissedSlot.MakeUpOnce, CheckModelAsync);
        // Not made up: it pays money out, which treasury expects at its hour, not at a restart; a refund a day later
        // makes no customer late, and staff run it from /jobs.
        Cron(CardRefunds, "CardRefunds", "30 6 * * *", MissedSlot.Skip, PayBackToCardsAsync);
        var escalationSeconds = configuration.GetValue("ServiceDesk:EscalationCheckSeconds", 60);
        if (escalationSeconds > 0)
        {
            // Not made up: its next check is one interval away.
            jobs.Add(new ScheduledJob(SlaEscalation, JobSchedule.Every(TimeSpan.FromSeconds(escalationSeconds)), CheckServiceLevelsAsync, MissedSlot.Skip));
        }

        if (!string.Equals(configuration["Outbox:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            var seconds = Math.Clamp(configuration.GetValue("Outbox:IntervalSeconds", 5), 1, 3600);
            var interval = TimeSpan.FromSeconds(seconds);
            // Not made up: its next dispatch is one interval away.
            jobs.Add(new ScheduledJob(OutboxDispatch, JobSchedule.Every(interval), c => DispatchOutboxAsync(c, interval), MissedSlot.Skip));
        }

        var resendSeconds = configuration.GetValue("Payouts:ResendCheckSeconds", 60);
        if (resendSeconds > 0)
        {
            var unansweredFor = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Payouts:ResendAfterSeconds", 120)));
            // Not made up: its next check is one interval away.
            jobs.Add(new ScheduledJob(PayoutResend, JobSchedule.Every(TimeSpan.FromSeconds(resendSeconds)), c => ResendPayoutsAsync(c, unansweredFor), MissedSlot.Skip));
        }

        var keepDays = Math.Clamp(configuration.GetValue("Scheduler:KeepRunsDays", 3), 1, 3650);
        // Not made up: old runs kept a day longer harm nothing, and the start-up is left to the jobs that matter.
        Cron(RunHistoryCleanup, "RunHistoryCleanup", "30 4 * * *", MissedSlot.Skip, c => CleanUpAsync(c, keepDays));
        return new JobCatalog(jobs);
    }

    /// <summary>The zone schedules are read in: Scheduler:TimeZone, else the display zone, else Asia/Shanghai.</summary>
    public static TimeZoneInfo Zone(IConfiguration configuration) =>
        TimeZoneInfo.FindSystemTimeZoneById(configuration?["Scheduler:TimeZone"] is { Length: > 0 } zone ? zone : configuration?["Display:TimeZone"] ?? "Asia/Shanghai");

    /// <summary>
    /// The business day a close at this moment is for: the local day just ended when it runs in the morning (00:05
    /// closes yesterday), the same day when it runs from noon on (23:30 closes today).
    /// </summary>
    public static DateOnly BusinessDayClosedAt(DateTimeOffset moment, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        return local.Hour < 12 ? day.AddDays(-1) : day;
    }

    /// <summary>
    /// Until when a direct-debit slot missed while no host was up is still made up: the end of the slot's business day
    /// (midnight in <paramref name="zone"/>), or sooner, the end-of-day run that closes that day when it is set to run
    /// on the day itself (from noon, <see cref="BusinessDayClosedAt"/>): a debit asked after its day is closed would
    /// fall outside the day it is for. With the default close at 00:05, the cut-off is midnight.
    /// </summary>
    public static DateTimeOffset SameDayCutOff(DateTimeOffset slot, TimeZoneInfo zone, JobSchedule? close)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(slot, zone);
        var midnight = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local.Date.AddDays(1), zone), TimeSpan.Zero);
        var noon = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local.Date.AddHours(12), zone), TimeSpan.Zero);
        var closing = close?.Next((slot > noon ? slot : noon).AddTicks(-1));
        return closing is { } at && at < midnight ? at : midnight;
    }

    private static async Task<RecordNote> CloseBusinessDayAsync(JobContext context, TimeZoneInfo zone)
    {
        var day = BusinessDayClosedAt(context.Occurrence, zone);
        var result = await context.Services.GetRequiredService<Infrastructure.Servicing.EndOfDay>()
            .RunAsync(day, new CobOptions { Worker = $"scheduler:{context.Services.GetRequiredService<JobRunner>().Node}" }, context.Cancellation).ConfigureAwait(false);
        return RecordNote.Of(
            string.Create(CultureInfo.InvariantCulture, $"closed {day:yyyy-MM-dd}: {result.Loans} loans, {result.Entries} entries, {result.ChargedOff} charged off, partitions {result.PartitionsDone} done and {result.PartitionsLeft} left, {result.Seconds:0.###} s"),
            ("day", RecordNote.Date(day)), ("loans", RecordNote.Count(result.Loans)), ("entries", RecordNote.Count(result.Entries)), ("chargedOff", RecordNote.Count(result.ChargedOff)),
            ("partitionsDone", RecordNote.Count(result.PartitionsDone)), ("partitionsLeft", RecordNote.Count(result.PartitionsLeft)), ("seconds", RecordNote.Figure(result.Seconds, 3)));
    }

    /// <summary>The morning's direct debits: what falls due on this local day, and the retries of what is still unpaid.</summary>
    private static async Task<RecordNote> CollectByDirectDebitAsync(JobContext context, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Occurrence, zone).DateTime);
        var result = await context.Services.GetRequiredService<Infrastructure.Payments.DirectDebitRun>().RunAsync(day, context.Cancellation).ConfigureAwait(false);
        return RecordNote.Of(
            string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}: {result.Requested} debits asked for {result.Amount:0.00}, {result.AlreadyRequested} already asked, {result.Unreachable} not taken by the provider, {result.Unanswered} unanswered; earlier unanswered debits sent again: {result.SentAgain.Taken} taken, {result.SentAgain.Unanswered} still unanswered, {result.SentAgain.Failed} failed"),
            ("day", RecordNote.Date(day)), ("requested", RecordNote.Count(result.Requested)), ("amount", RecordNote.Amount(result.Amount)), ("alreadyRequested", RecordNote.Count(result.AlreadyRequested)),
            ("unreachable", RecordNote.Count(result.Unreachable)), ("unanswered", RecordNote.Count(result.Unanswered)),
            ("resentTaken", RecordNote.Count(result.SentAgain.Taken)), ("resentUnanswered", RecordNote.Count(result.SentAgain.Unanswered)), ("resentFailed", RecordNote.Count(result.SentAgain.Failed)));
    }

    /// <summary>What closed loans owe customers with a bound card goes back to that card; the others wait for staff to be given an account.</summary>
    private static async Task<RecordNote> PayBackToCardsAsync(JobContext context)
    {
        var result = await context.Services.GetRequiredService<Infrastructure.Payouts.CustomerRefunds>().PayBackToCardsAsync(System, context.Occurrence, context.Cancellation).ConfigureAwait(false);
        return RecordNote.Of(
            string.Create(CultureInfo.InvariantCulture, $"{result.Instructed} refunds instructed for {result.Amount:0.00}, {result.WithoutCard} without a bound card, {result.Refused} refused"),
            ("instructed", RecordNote.Count(result.Instructed)), ("amount", RecordNote.Amount(result.Amount)), ("withoutCard", RecordNote.Count(result.WithoutCard)), ("refused", RecordNote.Count(result.Refused)));
    }

    private static async Task<RecordNote> ResendPayoutsAsync(JobContext context, TimeSpan unansweredFor)
    {
        var run = await context.Services.GetRequiredService<Infrastructure.Payouts.PayoutResends>().RunAsync(unansweredFor, context.Cancellation).ConfigureAwait(false);
        return run.Taken + run.Unanswered + run.Failed == 0
            ? JobRunner.NothingDone
            : RecordNote.Of(
                string.Create(CultureInfo.InvariantCulture, $"{run.Taken} unanswered payouts sent again and taken, {run.Unanswered} still unanswered, {run.Failed} refused"),
                ("taken", RecordNote.Count(run.Taken)), ("unanswered", RecordNote.Count(run.Unanswered)), ("refused", RecordNote.Count(run.Failed)));
    }

    private static async Task<RecordNote> RefreshInsightAsync(JobContext context)
    {
        var result = await context.Services.GetRequiredService<Infrastructure.CustomerIntelligence.InsightRefresh>().RunAsync("scheduler", context.Cancellation).ConfigureAwait(false);
        return RecordNote.Of(
            string.Create(CultureInfo.InvariantCulture, $"{result.Customers} customers, {result.SegmentCount ?? 0} segments, {result.AtRisk} at risk, {result.Seconds:0.###} s"),
            ("customers", RecordNote.Count(result.Customers)), ("segments", RecordNote.Count(result.SegmentCount ?? 0)), ("atRisk", RecordNote.Count(result.AtRisk)), ("seconds", RecordNote.Figure(result.Seconds, 3)));
    }

    private static async Task<RecordNote> CheckModelAsync(JobContext context) =>
        ModelMonitoringCheck.Describe(await context.Services.GetRequiredService<ModelMonitoringCheck>().RunAsync(context.Cancellation).ConfigureAwait(false));

    private static async Task<RecordNote> CheckServiceLevelsAsync(JobContext context)
    {
        var run = await context.Services.GetRequiredService<CaseCommands>().EscalateAsync(System, context.Cancellation).ConfigureAwait(false);
        var surveys = await SurveyTriggers.SweepAsync(context.Services.GetRequiredService<AutoFinanceDbContext>(), context.Occurrence, context.Cancellation).ConfigureAwait(false);
        return run.Escalated + surveys == 0
            ? JobRunner.NothingDone
            : RecordNote.Of(
                string.Create(CultureInfo.InvariantCulture, $"{run.Checked} cases checked, {run.Escalated} escalated, {surveys} surveys requested"),
                ("checked", RecordNote.Count(run.Checked)), ("escalated", RecordNote.Count(run.Escalated)), ("surveys", RecordNote.Count(surveys)));
    }

    /// <summary>What is due, batch after batch, for at most the job's interval (a backlog clears at the channels' pace).</summary>
    private static async Task<RecordNote> DispatchOutboxAsync(JobContext context, TimeSpan interval)
    {
        var result = await context.Services.GetRequiredService<OutboxDispatcher>().DrainAsync(OutboxBatch, interval, context.Cancellation).ConfigureAwait(false);
        return result.Sent + result.Retrying + result.Failed == 0
            ? JobRunner.NothingDone
            : RecordNote.Of(
                string.Create(CultureInfo.InvariantCulture, $"{result.Sent} sent, {result.Retrying} to retry, {result.Failed} failed"),
                ("sent", RecordNote.Count(result.Sent)), ("retrying", RecordNote.Count(result.Retrying)), ("failed", RecordNote.Count(result.Failed)));
    }

    private static async Task<RecordNote> CleanUpAsync(JobContext context, int keepDays)
    {
        var removed = await context.Services.GetRequiredService<JobRunner>().PruneAsync(context.Occurrence.AddDays(-keepDays), context.Cancellation).ConfigureAwait(false);
        return RecordNote.Of(
            string.Create(CultureInfo.InvariantCulture, $"{removed} runs older than {keepDays} days removed"),
            ("removed", RecordNote.Count(removed)), ("days", RecordNote.Count(keepDays)));
    }
}
