using AutoFinance.Domain.Verification;

namespace AutoFinance.Domain.Tests.Verification;

public sealed class SignInLockoutTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(7, 4)]
    [InlineData(10, 32)]
    [InlineData(11, 60)]
    [InlineData(40, 60)]
    public void The_lock_doubles_with_each_failure_after_the_fourth_up_to_an_hour(int failures, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), SignInLockout.LockAfter(failures));
    }

    [Fact]
    public void A_quiet_day_forgets_the_failures()
    {
        var last = new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(7, SignInLockout.CountedFailures(7, last, last.AddHours(23)));
        Assert.Equal(0, SignInLockout.CountedFailures(7, last, last.AddDays(1)));
    }
}
