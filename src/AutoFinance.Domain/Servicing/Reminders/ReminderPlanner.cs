namespace AutoFinance.Domain.Servicing.Reminders;

/// <summary>Finds the reminders due on a business date.</summary>
/// <remarks>
/// A rule fires for an instalment that still owes something when its scheduled date falls on the business date, or
/// within the <c>catchUpDays</c> before it (for a job that missed days). A reminder before or on the due date is not
/// sent once the due date has passed; an after-miss reminder is sent only while the instalment is still unpaid.
/// Results are ordered by scheduled date, instalment number, kind and days, and carry a de-duplication key so a
/// rerun sends nothing twice.
/// </remarks>
public static class ReminderPlanner
{
    public static IReadOnlyList<DueReminder> Due(string loanId, IEnumerable<InstallmentDue> dues, DateOnly businessDate, ReminderRules rules, int catchUpDays = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(loanId);
        ArgumentNullException.ThrowIfNull(dues);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegative(catchUpDays);
        var earliest = businessDate.AddDays(-catchUpDays);
        var reminders = new List<DueReminder>();
        foreach (var due in dues.Where(due => due.Total > 0m))
        {
            foreach (var rule in rules.All)
            {
                var on = rule.ScheduledFor(due.DueDate);
                var stillRelevant = rule.Kind == ReminderKind.AfterMiss || businessDate <= due.DueDate;
                if (on >= earliest && on <= businessDate && stillRelevant)
                {
                    reminders.Add(new DueReminder(loanId, due.Number, rule.Kind, rule.Days, on, due.DueDate, due.Total));
                }
            }
        }

        return reminders
            .OrderBy(r => r.ScheduledOn)
            .ThenBy(r => r.InstallmentNumber)
            .ThenBy(r => r.Kind)
            .ThenBy(r => r.Days)
            .ToArray();
    }

    /// <summary>The reminders due under the default rules.</summary>
    public static IReadOnlyList<DueReminder> Due(string loanId, IEnumerable<InstallmentDue> dues, DateOnly businessDate) =>
        Due(loanId, dues, businessDate, ReminderRules.Default);
}
