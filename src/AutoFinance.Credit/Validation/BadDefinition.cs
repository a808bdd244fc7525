namespace AutoFinance.Credit.Validation;

/// <summary>When an instalment of a booked loan fell due, and the day it was paid in full (null: not yet).</summary>
public readonly record struct InstalmentSettlement(DateOnly DueDate, DateOnly? SettledOn);

/// <summary>
/// What "bad" means when a model is back-tested on its booked loans: the loan was ever <see cref="DaysPastDue"/> or more
/// days past due, or was charged off, within <see cref="WindowMonths"/> months of its start (the performance window).
/// </summary>
/// <remarks>
/// A loan counts only once its window is over (<see cref="IsMatured"/>), so a young loan is never read as good.
/// Days past due on a date are counted from the due date of an instalment still unpaid on it (the due date is day 0;
/// the day it is paid in full it is no longer past due), so an instalment makes the loan bad when it was still unpaid
/// <see cref="DaysPastDue"/> days after its due date and that day lies within the window. A loan paid off before that
/// day owes nothing more.
/// </remarks>
public sealed record BadDefinition(int WindowMonths, int DaysPastDue)
{
    /// <summary>Ever 30 or more days past due, or charged off, within six months on book.</summary>
    public static readonly BadDefinition Default = new(6, 30);

    /// <summary>The last day of the performance window of a loan that started on <paramref name="start"/>.</summary>
    public DateOnly WindowEnd(DateOnly start) => start.AddMonths(WindowMonths);

    /// <summary>Whether the loan's whole window lies before or on <paramref name="today"/>.</summary>
    public bool IsMatured(DateOnly start, DateOnly today) => WindowEnd(start) <= today;

    public bool IsBad(DateOnly start, IEnumerable<InstalmentSettlement> instalments, DateOnly? closedOn, DateOnly? chargedOffOn)
    {
        ArgumentNullException.ThrowIfNull(instalments);
        var end = WindowEnd(start);
        if (chargedOffOn is { } off && off <= end)
        {
            return true;
        }

        foreach (var instalment in instalments)
        {
            var reached = instalment.DueDate.AddDays(DaysPastDue);
            var paidOff = closedOn is { } closed && closed <= reached;
            if (reached <= end && !paidOff && (instalment.SettledOn is null || instalment.SettledOn > reached))
            {
                return true;
            }
        }

        return false;
    }
}
