namespace AutoFinance.Domain.ServiceDesk;

/// <summary>Working hours in one time zone: opening and closing time on working days, weekend days and holidays.</summary>
/// <remarks>
/// Rules: the zone is a fixed UTC offset (China has no daylight saving; a zone with it passes the offset in force);
/// a day is a working day unless its day of week is a weekend day or its date is a holiday — make-up working days on
/// a weekend go in <see cref="ExtraWorkingDays"/>; business time runs only in [opens, closes) of working days. Adding
/// business time that ends exactly at closing is due at closing (18:00), not at the next opening; a start outside
/// hours begins counting at the next opening.
/// </remarks>
public sealed class BusinessCalendar
{
    private const int MaxDaysSearched = 3660;

    public BusinessCalendar(
        TimeSpan utcOffset,
        TimeOnly opens,
        TimeOnly closes,
        IEnumerable<DayOfWeek> weekend,
        IEnumerable<DateOnly> holidays,
        IEnumerable<DateOnly>? extraWorkingDays = null)
    {
        ArgumentNullException.ThrowIfNull(weekend);
        ArgumentNullException.ThrowIfNull(holidays);
        if (closes <= opens)
        {
            throw new ArgumentException("Closing time must come after opening time on the same day.", nameof(closes));
        }

        UtcOffset = utcOffset;
        Opens = opens;
        Closes = closes;
        Weekend = weekend.ToHashSet();
        Holidays = holidays.ToHashSet();
        ExtraWorkingDays = (extraWorkingDays ?? []).ToHashSet();
    }

    /// <summary>The zone's offset from UTC (+08:00 for China).</summary>
    public TimeSpan UtcOffset { get; }

    /// <summary>Opening time on working days.</summary>
    public TimeOnly Opens { get; }

    /// <summary>Closing time on working days.</summary>
    public TimeOnly Closes { get; }

    /// <summary>Days of the week that are not worked.</summary>
    public IReadOnlySet<DayOfWeek> Weekend { get; }

    /// <summary>Dates not worked.</summary>
    public IReadOnlySet<DateOnly> Holidays { get; }

    /// <summary>Weekend dates that are worked (China's make-up days).</summary>
    public IReadOnlySet<DateOnly> ExtraWorkingDays { get; }

    /// <summary>China: UTC+8, 09:00–18:00, Saturday and Sunday off, the given holidays and make-up days.</summary>
    public static BusinessCalendar China(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly>? makeUpWorkingDays = null) =>
        new(TimeSpan.FromHours(8), new TimeOnly(9, 0), new TimeOnly(18, 0), [DayOfWeek.Saturday, DayOfWeek.Sunday], holidays, makeUpWorkingDays);

    /// <summary>True when business time runs on this date.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        ExtraWorkingDays.Contains(date) || (!Weekend.Contains(date.DayOfWeek) && !Holidays.Contains(date));

    /// <summary>The instant <paramref name="businessTime"/> of working hours after <paramref name="start"/>, in the calendar's offset.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, TimeSpan.Zero);
        var current = NextWorkingInstant(start.ToOffset(UtcOffset));
        var remaining = businessTime;
        for (var days = 0; days < MaxDaysSearched; days++)
        {
            var close = At(DateOnly.FromDateTime(current.DateTime), Closes);
            var available = close - current;
            if (remaining <= available)
            {
                return current + remaining;
            }

            remaining -= available;
            current = NextWorkingInstant(close);
        }

        throw new InvalidOperationException("No working time within ten years: the calendar has no working days.");
    }

    /// <summary>Business time between two instants; negative when <paramref name="to"/> precedes <paramref name="from"/>.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -Between(to, from);
        }

        var a = from.ToOffset(UtcOffset);
        var b = to.ToOffset(UtcOffset);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(a.DateTime); day <= DateOnly.FromDateTime(b.DateTime); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var open = At(day, Opens);
            var close = At(day, Closes);
            var start = a > open ? a : open;
            var end = b < close ? b : close;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    /// <summary>The instant itself if inside working hours, otherwise the next opening.</summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        var local = instant.ToOffset(UtcOffset);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var i = 0; i < MaxDaysSearched; i++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var open = At(day, Opens);
            var close = At(day, Closes);
            if (local < open)
            {
                return open;
            }

            if (local < close)
            {
                return local;
            }
        }

        throw new InvalidOperationException("No working time within ten years: the calendar has no working days.");
    }

    private DateTimeOffset At(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), UtcOffset);
}
