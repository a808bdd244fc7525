namespace AutoFinance.Domain.Servicing.Reminders;

/// <summary>A product's reminder rules. By default: 3 days before the due date, on the due date, and 1, 7 and 30 days after a miss.</summary>
public sealed class ReminderRules
{
    public static readonly ReminderRules Default = new(
    [
        new ReminderRule(ReminderKind.BeforeDue, 3),
        new ReminderRule(ReminderKind.OnDueDate),
        new ReminderRule(ReminderKind.AfterMiss, 1),
        new ReminderRule(ReminderKind.AfterMiss, 7),
        new ReminderRule(ReminderKind.AfterMiss, 30),
    ]);

    public ReminderRules(IEnumerable<ReminderRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var copy = rules.ToArray();
        if (copy.Any(rule => rule is null))
        {
            throw new ArgumentException("A rule is missing.", nameof(rules));
        }

        if (copy.Distinct().Count() != copy.Length)
        {
            throw new ArgumentException("Each rule may be given once.", nameof(rules));
        }

        All = copy;
    }

    public IReadOnlyList<ReminderRule> All { get; }
}
