namespace AutoFinance.Domain.Servicing;

/// <summary>Days past due: whole days from the oldest unpaid due date to the business date. The due date itself is day 0.</summary>
public static class DaysPastDue
{
    /// <summary>0 when nothing is unpaid or the oldest unpaid instalment is not yet past its due date.</summary>
    public static int Of(DateOnly? oldestUnpaidDueDate, DateOnly businessDate) =>
        oldestUnpaidDueDate is { } due && businessDate > due ? businessDate.DayNumber - due.DayNumber : 0;

    /// <summary>The due date of the oldest instalment that still owes something, if any.</summary>
    public static DateOnly? OldestUnpaidDueDate(IEnumerable<InstallmentDue> dues)
    {
        ArgumentNullException.ThrowIfNull(dues);
        DateOnly? oldest = null;
        foreach (var due in dues)
        {
            if (due.Total > 0m && (oldest is null || due.DueDate < oldest))
            {
                oldest = due.DueDate;
            }
        }

        return oldest;
    }

    /// <summary>Days past due of the oldest instalment that still owes something.</summary>
    public static int OfOldestUnpaid(IEnumerable<InstallmentDue> dues, DateOnly businessDate) => Of(OldestUnpaidDueDate(dues), businessDate);
}
