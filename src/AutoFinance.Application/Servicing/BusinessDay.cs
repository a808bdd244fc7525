namespace AutoFinance.Application.Servicing;

/// <summary>The business date money is dated by: today where the lender works (the clock's local time zone).</summary>
public static class BusinessDay
{
    /// <summary>
    /// The earliest date end-of-day closes: no book of this platform holds a loan before it, and a close reaches back
    /// months from its date, which the calendar's first years cannot give. An earlier date is a typing mistake.
    /// </summary>
    public static readonly DateOnly EarliestClose = new(2000, 1, 1);

    /// <summary>
    /// Why end-of-day may not close <paramref name="date"/>, or null: a day after today has not happened (closing it
    /// would charge lateness not yet due), and a day before <see cref="EarliestClose"/> is a typing mistake.
    /// </summary>
    public static string? CloseDateProblem(DateOnly date, DateOnly today) =>
        date > today ? "cannot be after today"
        : date < EarliestClose ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cannot be before {EarliestClose:yyyy-MM-dd}")
        : null;

    /// <summary>The same as a field's problem with its stable code (<c>business-date.after-today</c>, <c>business-date.too-early</c>), or null.</summary>
    public static Domain.Validation.FieldError? CloseDateError(string field, DateOnly date, DateOnly today) =>
        CloseDateProblem(date, today) is not { } problem ? null
        : date > today ? new(field, problem, "business-date.after-today")
        : new(field, problem, "business-date.too-early", new Dictionary<string, string> { ["earliest"] = EarliestClose.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetLocalNow().DateTime);
    }
}
