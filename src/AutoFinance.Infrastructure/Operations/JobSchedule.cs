using Cronos;

namespace AutoFinance.Infrastructure.Operations;

/// <summary>
/// When a job is due: a cron expression read in a time zone (Asia/Shanghai for the business), or a fixed interval
/// aligned to whole multiples of itself since the Unix epoch. Either way every host computes the same occurrences, so
/// the occurrence is what hosts agree on when they claim a run. Occurrences are answered in UTC (PostgreSQL keeps
/// timestamps with zone as UTC only).
/// </summary>
public abstract class JobSchedule
{
    /// <summary>How the schedule reads in settings: the cron expression, or "every N s".</summary>
    public abstract string Text { get; }

    /// <summary>The fixed interval, for an interval schedule.</summary>
    public virtual TimeSpan? Interval => null;

    /// <summary>The first occurrence strictly after a moment.</summary>
    public abstract DateTimeOffset Next(DateTimeOffset after);

    /// <summary>The last occurrence at or before a moment, if there was one since <paramref name="notBefore"/>.</summary>
    public abstract DateTimeOffset? Latest(DateTimeOffset atOrBefore, DateTimeOffset notBefore);

    /// <summary>
    /// The slot a job missed since its last run: the latest occurrence after <paramref name="lastRun"/> and at or
    /// before <paramref name="now"/>, or null when none fell between. It is looked for in the last week only, which
    /// keeps a cron with seconds quick; a job due less often than weekly answers its first slot after the last run.
    /// </summary>
    public DateTimeOffset? MissedSince(DateTimeOffset lastRun, DateTimeOffset now)
    {
        var first = Next(lastRun);
        if (first > now)
        {
            return null;
        }

        var weekAgo = now.AddDays(-7);
        return Latest(now, first > weekAgo ? first : weekAgo) ?? first;
    }

    /// <summary>A cron expression with five fields (minute precision) or six (seconds first).</summary>
    public static JobSchedule Cron(string expression, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var parsed = CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        return new CronSchedule(expression.Trim(), parsed, zone);
    }

    public static JobSchedule Every(TimeSpan interval) =>
        interval >= TimeSpan.FromSeconds(1) ? new IntervalSchedule(interval) : throw new ArgumentOutOfRangeException(nameof(interval), "at least a second");

    private sealed class CronSchedule(string text, CronExpression expression, TimeZoneInfo zone) : JobSchedule
    {
        public override string Text => text;

        public override DateTimeOffset Next(DateTimeOffset after) =>
            expression.GetNextOccurrence(after, zone)?.ToUniversalTime() ?? DateTimeOffset.MaxValue;

        public override DateTimeOffset? Latest(DateTimeOffset atOrBefore, DateTimeOffset notBefore)
        {
            DateTimeOffset? latest = null;
            if (notBefore > atOrBefore)
            {
                return null;
            }

            foreach (var occurrence in expression.GetOccurrences(notBefore, atOrBefore, zone, fromInclusive: true, toInclusive: true))
            {
                latest = occurrence.ToUniversalTime();
            }

            return latest;
        }
    }

    private sealed class IntervalSchedule(TimeSpan interval) : JobSchedule
    {
        public override string Text => $"every {interval.TotalSeconds:0} s";

        public override TimeSpan? Interval => interval;

        public override DateTimeOffset Next(DateTimeOffset after) => Floor(after) + interval;

        public override DateTimeOffset? Latest(DateTimeOffset atOrBefore, DateTimeOffset notBefore)
        {
            var latest = Floor(atOrBefore);
            return latest >= notBefore ? latest : null;
        }

        private DateTimeOffset Floor(DateTimeOffset moment) =>
            new(moment.UtcTicks - (moment.UtcTicks % interval.Ticks), TimeSpan.Zero);
    }
}
