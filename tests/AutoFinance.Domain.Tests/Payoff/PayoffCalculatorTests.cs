using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Payoff;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Tests.Schedules;

namespace AutoFinance.Domain.Tests.Payoff;

public class PayoffCalculatorTests
{
    [Fact]
    public void Payoff_is_the_balance_plus_the_running_periods_interest_accrued_to_the_date()
    {
        // 100,000 at 4.9% over 120 months; after 2 instalments the balance is 100,000 − 647.44 − 650.08 = 98,702.48.
        var schedule = Loans.Build(100_000m, 4.9m, 120);
        var quote = PayoffCalculator.Quote(schedule, 2, new DateOnly(2026, 3, 25), DayCountConvention.Actual365).Quote!;

        Assert.Equal(98_702.48m, quote.Principal);
        Assert.Equal(new DateOnly(2026, 3, 10), quote.InterestFrom);
        // Instalment 3 charges 98,702.48 × 0.049 / 12 = 403.04 for 10 March to 10 April (31 days under actual/365);
        // 15 of them have run: 403.04 × 15 / 31 = 195.02.
        Assert.Equal(195.02m, quote.Interest);
        Assert.Equal(98_897.50m, quote.Payoff);
    }

    [Fact]
    public void A_date_after_the_unpaid_loan_would_be_written_off_is_refused_naming_the_date()
    {
        var schedule = Loans.Build(100_000m, 4.9m, 120);

        var refused = PayoffCalculator.Quote(schedule, 2, new DateOnly(2026, 10, 8), DayCountConvention.Actual365);
        var lastDay = PayoffCalculator.Quote(schedule, 2, new DateOnly(2026, 10, 7), DayCountConvention.Actual365);

        Assert.Null(refused.Quote);
        Assert.Equal(("on", "payoff.date.after_charge_off"), (refused.Error!.Field, refused.Error.Code));
        Assert.Equal("2026-10-07", refused.Error.Parameters!["chargedOff"]);
        // Six instalments (April to September) are late by then: each owes the late fee, and penalty interest on top.
        Assert.True(lastDay.Quote!.Fees > 6 * LateChargeTerms.Default.FixedFee);
    }

    [Fact]
    public void Thirty_360_counts_the_payoff_days_as_30_day_months()
    {
        var schedule = Loans.Build(12_000m, 12m, 12);
        var quote = PayoffCalculator.Quote(schedule, 0, new DateOnly(2026, 2, 10), DayCountConvention.Thirty360).Quote!;

        // One 30/360 month on 12,000 at 12%: 120.00.
        Assert.Equal((12_000.00m, 120.00m, 12_120.00m), (quote.Principal, quote.Interest, quote.Payoff));
    }

    [Fact]
    public void Prepayment_fee_applies_inside_its_window_only()
    {
        var schedule = Loans.Build(50_000m, 6m, 36);
        var terms = new PrepaymentTerms(FeeFraction: 0.02m, FeeWithinMonths: 12);
        var inside = PayoffCalculator.Quote(schedule, 3, new DateOnly(2026, 4, 10), DayCountConvention.Thirty360, terms).Quote!;
        var outside = PayoffCalculator.Quote(schedule, 13, new DateOnly(2027, 2, 10), DayCountConvention.Thirty360, terms).Quote!;

        Assert.Equal(Math.Round(inside.Principal * 0.02m, 2, MidpointRounding.AwayFromZero), inside.Fees);
        Assert.Equal(0m, outside.Fees);
        Assert.Equal(0m, inside.Interest);
    }

    [Fact]
    public void A_fully_paid_loan_pays_off_at_zero_and_bad_requests_are_named()
    {
        var schedule = Loans.Build(10_000m, 4.9m, 12);

        Assert.Equal(0m, PayoffCalculator.Quote(schedule, 12, new DateOnly(2027, 1, 10), DayCountConvention.Actual365).Quote!.Payoff);
        Assert.Equal("installmentsPaid", PayoffCalculator.Quote(schedule, 13, new DateOnly(2027, 1, 10), DayCountConvention.Actual365).Error!.Field);
        Assert.Equal("on", PayoffCalculator.Quote(schedule, 3, new DateOnly(2026, 2, 1), DayCountConvention.Actual365).Error!.Field);
    }

    [Fact]
    public void Unbilled_flat_fee_is_owed_on_payoff_only_when_the_product_says_so()
    {
        var terms = Loans.Terms(36_000m, 0m, 36, RepaymentMethod.FlatFee) with { FlatFee = FlatFee.TotalPercent(9m, FeeTiming.Spread) };
        var schedule = ScheduleBuilder.Build(terms);
        var on = schedule.Installments[11].DueDate;

        var waived = PayoffCalculator.Quote(schedule, 12, on, DayCountConvention.Thirty360).Quote!;
        var due = PayoffCalculator.Quote(schedule, 12, on, DayCountConvention.Thirty360, new PrepaymentTerms(UnearnedFlatFeeDue: true)).Quote!;

        Assert.Equal(0m, waived.Fees);
        Assert.Equal(24 * 90.00m, due.Fees);
    }
}
