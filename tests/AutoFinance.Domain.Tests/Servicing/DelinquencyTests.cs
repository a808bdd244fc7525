using AutoFinance.Domain.Servicing;

namespace AutoFinance.Domain.Tests.Servicing;

public class DelinquencyTests
{
    private static readonly DateOnly Due = new(2026, 2, 10);

    [Theory]
    [InlineData(0, "Current")]
    [InlineData(1, "1-30")]
    [InlineData(30, "1-30")]
    [InlineData(31, "31-60")]
    [InlineData(60, "31-60")]
    [InlineData(61, "61-90")]
    [InlineData(90, "61-90")]
    [InlineData(91, "91-180")]
    [InlineData(180, "91-180")]
    [InlineData(181, "180+")]
    [InlineData(5000, "180+")]
    public void Default_bucket_boundaries(int days, string bucket)
    {
        Assert.Equal(bucket, DelinquencyBuckets.Default.For(days).Name);
        Assert.Equal(bucket, DelinquencyBuckets.Default.For(Due, Due.AddDays(days)).Name);
    }

    [Fact]
    public void Days_past_due_count_from_the_day_after_the_due_date()
    {
        Assert.Equal(0, DaysPastDue.Of(Due, Due));
        Assert.Equal(0, DaysPastDue.Of(Due, Due.AddDays(-3)));
        Assert.Equal(0, DaysPastDue.Of(null, Due));
        Assert.Equal(1, DaysPastDue.Of(Due, Due.AddDays(1)));
        Assert.Equal(28, DaysPastDue.Of(Due, new DateOnly(2026, 3, 10)));
        Assert.Equal(365, DaysPastDue.Of(Due, new DateOnly(2027, 2, 10)));
    }

    [Fact]
    public void Days_past_due_follow_the_oldest_instalment_that_still_owes_something()
    {
        InstallmentDue[] dues =
        [
            new(1, new DateOnly(2026, 1, 10), 0m, 0m, 0m, 0m),
            new(3, new DateOnly(2026, 3, 10), 0m, 0m, 10m, 0m),
            new(2, new DateOnly(2026, 2, 10), 0m, 1.5m, 0m, 0m),
        ];

        Assert.Equal(new DateOnly(2026, 2, 10), DaysPastDue.OldestUnpaidDueDate(dues));
        Assert.Equal(31, DaysPastDue.OfOldestUnpaid(dues, new DateOnly(2026, 3, 13)));
        Assert.Equal(0, DaysPastDue.OfOldestUnpaid(dues.Take(1), new DateOnly(2026, 3, 13)));
    }

    [Fact]
    public void Products_configure_their_own_buckets_which_must_cover_every_day_once()
    {
        var buckets = DelinquencyBuckets.FromLowerBounds(("Current", 0), ("1-29", 1), ("30+", 30));
        Assert.Equal("1-29", buckets.For(29).Name);
        Assert.Equal("30+", buckets.For(30).Name);

        Assert.Throws<ArgumentException>(() => DelinquencyBuckets.FromLowerBounds(("Late", 1)));
        Assert.Throws<ArgumentException>(() => new DelinquencyBuckets([new DelinquencyBucket("Current", 0, 0), new DelinquencyBucket("Late", 2, null)]));
        Assert.Throws<ArgumentException>(() => new DelinquencyBuckets([new DelinquencyBucket("Current", 0, 0), new DelinquencyBucket("Late", 1, 30)]));
        Assert.Throws<ArgumentException>(() => new DelinquencyBuckets([new DelinquencyBucket("All", 0, null), new DelinquencyBucket("More", 1, null)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => DelinquencyBuckets.Default.For(-1));
    }
}
