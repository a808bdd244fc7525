using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Collections;

namespace AutoFinance.Domain.Tests.Servicing.Collections;

public class CollectionStrategyTests
{
    [Theory]
    [InlineData("Current", "A", CollectionAction.None)]
    [InlineData("1-30", "A", CollectionAction.ReminderSms)]
    [InlineData("1-30", "C", CollectionAction.ReminderSms)]
    [InlineData("1-30", "D", CollectionAction.Call)]
    [InlineData("1-30", "Z", CollectionAction.Call)]
    [InlineData("31-60", "B", CollectionAction.Call)]
    [InlineData("31-60", "E", CollectionAction.FieldVisit)]
    [InlineData("61-90", "A", CollectionAction.FieldVisit)]
    [InlineData("91-180", "A", CollectionAction.Legal)]
    [InlineData("180+", "E", CollectionAction.Legal)]
    [InlineData("no-such-bucket", "A", CollectionAction.None)]
    public void The_default_table_escalates_with_the_bucket_and_the_risk(string bucket, string grade, CollectionAction action) =>
        Assert.Equal(action, CollectionStrategy.Default.ActionFor(bucket, grade));

    [Fact]
    public void Every_default_bucket_has_an_action_for_any_grade()
    {
        foreach (var bucket in DelinquencyBuckets.Default.All)
        {
            Assert.Contains(CollectionStrategy.Default.Rules, rule => rule.Bucket == bucket.Name && rule.Grade is null);
        }
    }

    [Fact]
    public void A_lender_overrides_one_cell_and_keeps_the_rest()
    {
        var strategy = CollectionStrategy.Default.With("61-90", "A", CollectionAction.Call);

        Assert.Equal(CollectionAction.Call, strategy.ActionFor("61-90", "A"));
        Assert.Equal(CollectionAction.FieldVisit, strategy.ActionFor("61-90", "B"));
        Assert.Equal(CollectionStrategy.Default.Rules.Count + 1, strategy.Rules.Count);
        Assert.Equal(CollectionAction.Legal, strategy.With("61-90", null, CollectionAction.Legal).ActionFor("61-90", "B"));
    }

    [Fact]
    public void A_cell_may_be_given_once() =>
        Assert.Throws<ArgumentException>(() => new CollectionStrategy([new("1-30", "A", CollectionAction.Call), new("1-30", "A", CollectionAction.ReminderSms)]));

    [Theory]
    [InlineData("A", 650, CollectionAction.Call)]
    [InlineData("A", 850, CollectionAction.ReminderSms)]
    [InlineData("C", 699, CollectionAction.Call)]
    [InlineData("C", 700, CollectionAction.ReminderSms)]
    [InlineData("A", null, CollectionAction.ReminderSms)]
    public void An_early_arrears_account_whose_behaviour_score_fell_gets_a_call_instead_of_a_text(string grade, int? score, CollectionAction action)
    {
        var strategy = CollectionStrategy.Default.With("1-30", "A", CollectionAction.Call, 700).With("1-30", "C", CollectionAction.Call, 700);

        Assert.Equal(action, strategy.ActionFor("1-30", grade, score));
        Assert.Equal(CollectionAction.ReminderSms, CollectionStrategy.Default.ActionFor("1-30", grade, score));
    }

    [Fact]
    public void The_lowest_score_threshold_that_holds_is_the_most_specific_row()
    {
        var strategy = CollectionStrategy.Default.With("31-60", null, CollectionAction.FieldVisit, 600).With("31-60", null, CollectionAction.Legal, 200);

        Assert.Equal(CollectionAction.Legal, strategy.ActionFor("31-60", "E", 150));
        Assert.Equal(CollectionAction.FieldVisit, strategy.ActionFor("31-60", "E", 450));
        Assert.Equal(CollectionAction.FieldVisit, strategy.ActionFor("31-60", "E", 900));
        Assert.Equal(CollectionAction.Call, strategy.ActionFor("31-60", "A", 150));
    }
}
