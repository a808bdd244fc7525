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
}
