using AutoFinance.Domain.Servicing.Collections;
using CsCheck;

namespace AutoFinance.Domain.Tests.Servicing.Collections;

public class WorklistTests
{
    private static CollectionAccount Account(string id, int dpd, decimal atRisk, decimal overdue = 1_000m, string grade = "B") => new(id, dpd, grade, atRisk, overdue);

    [Fact]
    public void Priority_is_amount_at_risk_times_the_buckets_roll_forward_rate()
    {
        var list = WorklistPrioritiser.Prioritise(
        [
            Account("L1", 10, 100_000m), // 1-30: × 0.25 = 25,000
            Account("L2", 45, 50_000m),  // 31-60: × 0.45 = 22,500
            Account("L3", 75, 60_000m),  // 61-90: × 0.60 = 36,000
            Account("L4", 0, 900_000m),  // current: left out
        ]);

        Assert.Equal(["L3", "L1", "L2"], list.Select(item => item.Account.LoanId));
        Assert.Equal([1, 2, 3], list.Select(item => item.Rank));
        Assert.Equal(36_000m, list[0].Priority);
        Assert.Equal("61-90", list[0].Bucket);
        Assert.Equal(CollectionAction.FieldVisit, list[0].Action);
        Assert.Equal(CollectionAction.ReminderSms, list[1].Action);
    }

    [Fact]
    public void Ties_are_broken_by_days_past_due_then_overdue_then_at_risk_then_loan_id()
    {
        var list = WorklistPrioritiser.Prioritise(
        [
            Account("B", 5, 10_000m),
            Account("A", 5, 10_000m),
            Account("C", 20, 10_000m),
            Account("D", 5, 10_000m, overdue: 2_000m),
        ]);

        Assert.Equal(["C", "D", "A", "B"], list.Select(item => item.Account.LoanId));
    }

    [Fact]
    public void The_order_does_not_depend_on_the_input_order()
    {
        Gen.Select(Gen.Int[0, 200], Gen.Int[0, 20], Gen.Int[0, 3]).Array[1, 30]
            .Select(Gen.Int)
            .Sample((rows, seed) =>
            {
                var accounts = rows.Select((r, i) => Account($"L{i:D3}", r.Item1, r.Item2 * 1_000m, r.Item3 * 100m)).ToArray();
                var shuffled = accounts.ToArray();
                new Random(seed).Shuffle(shuffled);

                Assert.Equal(
                    WorklistPrioritiser.Prioritise(accounts).Select(item => item.Account.LoanId),
                    WorklistPrioritiser.Prioritise(shuffled).Select(item => item.Account.LoanId));
            }, iter: 200);
    }

    [Fact]
    public void By_count_collectors_get_turns_down_the_list()
    {
        var list = WorklistPrioritiser.Prioritise(Enumerable.Range(1, 7).Select(i => Account($"L{i}", i, 1_000m * i)));
        var assigned = CollectorAssigner.Assign(list, ["ann", "bo", "cy"], AssignmentBalance.Count);

        Assert.Equal(list.Select(item => item.Account.LoanId), assigned.Select(a => a.LoanId));
        Assert.Equal(["ann", "bo", "cy", "ann", "bo", "cy", "ann"], assigned.Select(a => a.Collector));
    }

    [Fact]
    public void By_amount_the_largest_accounts_are_spread_first()
    {
        var list = WorklistPrioritiser.Prioritise(
        [
            Account("L1", 10, 90_000m), Account("L2", 10, 60_000m), Account("L3", 10, 50_000m),
            Account("L4", 10, 40_000m), Account("L5", 10, 10_000m),
        ]);
        var assigned = CollectorAssigner.Assign(list, ["ann", "bo"], AssignmentBalance.Amount).ToDictionary(a => a.LoanId, a => a.Collector);

        // 90 → ann; 60 → bo; 50 → bo (60 < 90); 40 → ann (90 < 110); 10 → bo (110 < 130): 130 against 120.
        Assert.Equal("ann", assigned["L1"]);
        Assert.Equal("bo", assigned["L2"]);
        Assert.Equal("bo", assigned["L3"]);
        Assert.Equal("ann", assigned["L4"]);
        Assert.Equal("bo", assigned["L5"]);
    }

    [Fact]
    public void Balanced_by_count_loads_differ_by_at_most_one()
    {
        Gen.Select(Gen.Int[1, 100], Gen.Int[1, 8]).Sample((accounts, collectors) =>
        {
            var list = WorklistPrioritiser.Prioritise(Enumerable.Range(1, accounts).Select(i => Account($"L{i}", 1 + (i % 90), 100m * i)));
            var names = Enumerable.Range(1, collectors).Select(c => $"c{c}").ToArray();
            var loads = CollectorAssigner.Assign(list, names, AssignmentBalance.Count).GroupBy(a => a.Collector).Select(g => g.Count()).ToList();

            Assert.Equal(accounts, loads.Sum());
            Assert.True(loads.Max() - (loads.Count < collectors ? 0 : loads.Min()) <= 1);
        }, iter: 200);
    }

    [Fact]
    public void Collectors_are_needed_and_named_once()
    {
        Assert.Throws<ArgumentException>(() => CollectorAssigner.Assign([], [], AssignmentBalance.Count));
        Assert.Throws<ArgumentException>(() => CollectorAssigner.Assign([], ["a", "a"], AssignmentBalance.Count));
    }
}
