using System.Globalization;

namespace AutoFinance.Domain.Servicing.Reminders;

/// <summary>A reminder to send: for which loan and instalment, of which kind, scheduled for which date, and the amount it names.</summary>
/// <param name="Days">Days before the due date (before-due) or past it (after-miss); 0 on the due date.</param>
/// <param name="Amount">What brings the loan up to date through the instalment (see <see cref="ReminderPlanner"/>).</param>
/// <param name="EarlierIncluded">Whether the amount includes what older instalments still owe.</param>
/// <param name="CreditTakenOff">Whether credit the loan holds was taken off the amount.</param>
public sealed record DueReminder(string LoanId, int InstallmentNumber, ReminderKind Kind, int Days, DateOnly ScheduledOn, DateOnly DueDate, decimal Amount,
    bool EarlierIncluded, bool CreditTakenOff)
{
    /// <summary>
    /// The key that makes a reminder sent once: loan, instalment, kind and scheduled date
    /// ("L-001:4:before-due:2026-03-07"). The same reminder found again by a rerun or a catch-up has the same key.
    /// </summary>
    public string DeduplicationKey =>
        string.Create(CultureInfo.InvariantCulture, $"{LoanId}:{InstallmentNumber}:{Kind.ToName()}:{ScheduledOn:yyyy-MM-dd}");
}
