namespace AutoFinance.Domain.Servicing.Reminders;

/// <summary>Finds the reminders due on a business date.</summary>
/// <remarks>
/// A rule fires for an instalment that still owes something when its scheduled date falls on the business date, or
/// within the <c>catchUpDays</c> before it (for a job that missed days). A reminder before or on the due date is not
/// sent once the due date has passed; an after-miss reminder is sent only while the instalment is still unpaid.
/// Results are ordered by scheduled date, instalment number, kind and days, and carry a de-duplication key so a
/// rerun sends nothing twice. The amount asked is what brings the loan up to date through the instalment: whatever
/// older instalments still owe as well (a payment pays the oldest first, so paying the instalment's own figure would
/// leave it unpaid), less the credit the loan holds, which is applied when instalments fall due. A customer whose
/// credit covers it is not reminded.
/// </remarks>
public static class ReminderPlanner
{
    public static IReadOnlyList<DueReminder> Due(string loanId, IEnumerable<InstallmentDue> dues, DateOnly businessDate, ReminderRules rules, int catchUpDays = 0, decimal heldCredit = 0m)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(loanId);
        ArgumentNullException.ThrowIfNull(dues);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegative(catchUpDays);
        var earliest = businessDate.AddDays(-catchUpDays);
        var reminders = new List<DueReminder>();
        var owing = dues.Where(due => due.Total > 0m).OrderBy(due => due.DueDate).ThenBy(due => due.Number).ToList();
        var throughThis = 0m;
        foreach (var due in owing)
        {
            throughThis += due.Total;
            var asked = throughThis - Math.Max(0m, heldCredit);
            if (asked <= 0m)
            {
                continue;
            }

            foreach (var rule in rules.All)
            {
                var on = rule.ScheduledFor(due.DueDate);
                var stillRelevant = rule.Kind == ReminderKind.AfterMiss || businessDate <= due.DueDate;
                if (on >= earliest && on <= businessDate && stillRelevant)
                {
                    reminders.Add(new DueReminder(loanId, due.Number, rule.Kind, rule.Days, on, due.DueDate, asked, throughThis > due.Total, heldCredit > 0m));
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
