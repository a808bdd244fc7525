using AutoFinance.Credit.Validation;

namespace AutoFinance.Credit.Tests.Validation;

public sealed class BadDefinitionTests
{
    private static readonly DateOnly Start = new(2026, 1, 15);

    private static readonly BadDefinition ThirtyInSix = BadDefinition.Default;

    [Fact]
    public void The_window_ends_six_months_after_the_start_and_a_loan_is_matured_on_that_day()
    {
        Assert.Equal(new DateOnly(2026, 7, 15), ThirtyInSix.WindowEnd(Start));
        Assert.False(ThirtyInSix.IsMatured(Start, new DateOnly(2026, 7, 14)));
        Assert.True(ThirtyInSix.IsMatured(Start, new DateOnly(2026, 7, 15)));
    }

    [Theory]
    [InlineData("2026-03-16", false)] // 29 days late
    [InlineData("2026-03-17", false)] // paid on day 30: no longer past due that day
    [InlineData("2026-03-18", true)] // still unpaid on day 30
    [InlineData(null, true)]
    public void An_instalment_still_unpaid_thirty_days_after_it_fell_due_makes_the_loan_bad(string? settled, bool bad)
    {
        var february = new InstalmentSettlement(new DateOnly(2026, 2, 15), settled is null ? null : DateOnly.Parse(settled, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(bad, ThirtyInSix.IsBad(Start, [february, new(new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 15))], null, null));
    }

    [Fact]
    public void Only_days_past_due_reached_within_the_window_count()
    {
        Assert.True(ThirtyInSix.IsBad(Start, [new(new DateOnly(2026, 6, 15), null)], null, null)); // day 30 is 15 July
        Assert.False(ThirtyInSix.IsBad(Start, [new(new DateOnly(2026, 6, 16), null)], null, null)); // day 30 is 16 July
    }

    [Fact]
    public void A_charge_off_within_the_window_is_bad_and_a_payoff_ends_what_is_owed()
    {
        Assert.True(ThirtyInSix.IsBad(Start, [], null, new DateOnly(2026, 7, 15)));
        Assert.False(ThirtyInSix.IsBad(Start, [], null, new DateOnly(2026, 7, 16)));
        Assert.False(ThirtyInSix.IsBad(Start, [new(new DateOnly(2026, 2, 15), null)], new DateOnly(2026, 3, 10), null));
    }
}
