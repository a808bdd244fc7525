namespace AutoFinance.Domain.Notifications;

/// <summary>
/// The hours of the night when reminders and marketing wait (by default 21:00 to 08:00 in China, UTC+8 all year):
/// a notice of those purposes due in them is held until they end. Servicing notices (a decision, a payment received)
/// are never held: the customer is waiting for them.
/// </summary>
/// <remarks>
/// The start is inside the quiet hours and the end is not (21:00 is quiet, 08:00 is not). A start after the end spans
/// midnight; a start equal to the end means no quiet hours.
/// </remarks>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, TimeSpan UtcOffset)
{
    public static readonly QuietHours Default = new(new TimeOnly(21, 0), new TimeOnly(8, 0), TimeSpan.FromHours(8));

    /// <summary>Whether quiet hours hold notices of this purpose.</summary>
    public static bool Holds(NoticePurpose purpose) => purpose is NoticePurpose.Reminders or NoticePurpose.Marketing;

    /// <summary>Whether <paramref name="at"/> falls in the quiet hours.</summary>
    public bool Contains(DateTimeOffset at)
    {
        var local = TimeOnly.FromTimeSpan(at.ToOffset(UtcOffset).TimeOfDay);
        return Start == End ? false : Start < End ? local >= Start && local < End : local >= Start || local < End;
    }

    /// <summary>
    /// When a notice of <paramref name="purpose"/> raised at <paramref name="at"/> may go out: at once, or when the
    /// quiet hours it falls in end; in the offset <paramref name="at"/> was given in (UTC from the clock, as stores want it).
    /// </summary>
    public DateTimeOffset ReleaseAt(NoticePurpose purpose, DateTimeOffset at)
    {
        if (!Holds(purpose) || !Contains(at))
        {
            return at;
        }

        var local = at.ToOffset(UtcOffset);
        var end = new DateTimeOffset(local.Date + End.ToTimeSpan(), UtcOffset);
        return (end > local ? end : end.AddDays(1)).ToOffset(at.Offset);
    }
}
