using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Reminders;

namespace AutoFinance.Domain.Tests.Servicing.Reminders;

public class ReminderPlannerTests
{
    private static readonly DateOnly Due4 = new(2026, 3, 10);

    private static InstallmentDue Owing(int number, DateOnly due, decimal principal = 2_591.67m, decimal interest = 408.33m) => new(number, due, 0m, 0m, interest, principal);

    [Theory]
    [InlineData(7, ReminderKind.BeforeDue, 3)]
    [InlineData(10, ReminderKind.OnDueDate, 0)]
    [InlineData(11, ReminderKind.AfterMiss, 1)]
    [InlineData(17, ReminderKind.AfterMiss, 7)]
    [InlineData(40, ReminderKind.AfterMiss, 30)]
    public void The_default_rules_fire_3_days_before_on_the_day_and_1_7_and_30_days_after(int day, ReminderKind kind, int days)
    {
        var on = new DateOnly(2026, 3, 1).AddDays(day - 1);
        var reminders = ReminderPlanner.Due("L-001", [Owing(4, Due4)], on);

        var reminder = Assert.Single(reminders);
        Assert.Equal(kind, reminder.Kind);
        Assert.Equal(days, reminder.Days);
        Assert.Equal(3_000m, reminder.Amount);
        Assert.Equal(on, reminder.ScheduledOn);
    }

    [Fact]
    public void Nothing_is_due_on_other_days_or_for_a_paid_instalment()
    {
        Assert.Empty(ReminderPlanner.Due("L-001", [Owing(4, Due4)], new DateOnly(2026, 3, 8)));
        Assert.Empty(ReminderPlanner.Due("L-001", [Owing(4, Due4, 0m, 0m)], new DateOnly(2026, 3, 7)));
        Assert.Empty(ReminderPlanner.Due("L-001", [Owing(4, Due4, 0m, 0m)], new DateOnly(2026, 3, 11)));
    }

    [Fact]
    public void The_key_names_loan_instalment_kind_and_date_and_is_the_same_on_a_rerun()
    {
        var first = ReminderPlanner.Due("L-001", [Owing(4, Due4)], new DateOnly(2026, 3, 7)).Single();
        var again = ReminderPlanner.Due("L-001", [Owing(4, Due4, 100m, 0m)], new DateOnly(2026, 3, 7)).Single();

        Assert.Equal("L-001:4:before-due:2026-03-07", first.DeduplicationKey);
        Assert.Equal(first.DeduplicationKey, again.DeduplicationKey);
    }

    [Fact]
    public void A_catch_up_finds_missed_reminders_that_still_make_sense()
    {
        // The job was down 7–11 March. On the 12th with 5 days of catch-up: the before-due reminder is stale (the due
        // date passed), the on-due one too; the 1-day after-miss reminder of the 11th is still worth sending.
        var reminders = ReminderPlanner.Due("L-001", [Owing(4, Due4), Owing(5, Due4.AddMonths(1))], new DateOnly(2026, 3, 12), ReminderRules.Default, catchUpDays: 5);

        var reminder = Assert.Single(reminders);
        Assert.Equal("L-001:4:after-miss:2026-03-11", reminder.DeduplicationKey);
    }

    [Fact]
    public void Several_instalments_and_rules_come_in_a_stable_order()
    {
        var rules = new ReminderRules([new ReminderRule(ReminderKind.AfterMiss, 30), new ReminderRule(ReminderKind.BeforeDue, 1)]);
        var reminders = ReminderPlanner.Due("L-9", [Owing(5, new DateOnly(2026, 4, 10)), Owing(4, Due4)], new DateOnly(2026, 4, 9), rules);

        Assert.Equal(["L-9:4:after-miss:2026-04-09", "L-9:5:before-due:2026-04-09"], reminders.Select(r => r.DeduplicationKey));
    }

    [Fact]
    public void Rules_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReminderRule(ReminderKind.BeforeDue, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReminderRule(ReminderKind.OnDueDate, 2));
        Assert.Throws<ArgumentException>(() => new ReminderRules([new ReminderRule(ReminderKind.AfterMiss, 3), new ReminderRule(ReminderKind.AfterMiss, 3)]));
    }

    /// <summary>
    /// Instalment 4 is a month late when 5 is about to fall due: the reminder for 5 asks for both (a payment pays the oldest first,
    /// so 5's own figure would leave 5 unpaid), and the overdue reminder for 4 asks for 4 alone.
    /// </summary>
    [Fact]
    public void A_reminder_asks_for_what_brings_the_loan_up_to_date_through_its_instalment()
    {
        var dues = new[] { Owing(5, Due4.AddMonths(1)), Owing(4, Due4) };

        // 9 April: 4's 30-day overdue reminder, and (caught up from the 7th) 5's three-days-before one.
        var reminders = ReminderPlanner.Due("L-001", dues, new DateOnly(2026, 4, 9), ReminderRules.Default, catchUpDays: 2);

        Assert.Equal((6_000m, true, false), reminders.Single(r => r.InstallmentNumber == 5) is var five ? (five.Amount, five.EarlierIncluded, five.CreditTakenOff) : default);
        Assert.Equal((3_000m, false, false), reminders.Single(r => r.InstallmentNumber == 4) is var four ? (four.Amount, four.EarlierIncluded, four.CreditTakenOff) : default);
    }

    [Theory]
    [InlineData(1_000, 2_000)]
    [InlineData(3_000, null)]
    [InlineData(4_500, null)]
    public void Credit_the_loan_holds_is_taken_off_and_a_customer_it_covers_is_not_reminded(decimal credit, int? asked)
    {
        var reminders = ReminderPlanner.Due("L-001", [Owing(4, Due4)], new DateOnly(2026, 3, 7), ReminderRules.Default, heldCredit: credit);

        Assert.Equal(asked, reminders.SingleOrDefault()?.Amount is { } amount ? (int)amount : null);
        Assert.All(reminders, r => Assert.Equal((false, true), (r.EarlierIncluded, r.CreditTakenOff)));
    }
}
