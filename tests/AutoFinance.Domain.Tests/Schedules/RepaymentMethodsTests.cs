using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Rates;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Tests.Schedules;

public class RepaymentMethodsTests
{
    [Fact]
    public void Interest_only_pays_interest_then_the_whole_principal_at_the_end()
    {
        var rows = Loans.Build(120_000m, 6m, 12, RepaymentMethod.InterestOnly).Installments;

        Assert.All(rows.SkipLast(1), r => Assert.Equal((600.00m, 0.00m, 600.00m), (r.Interest, r.Principal, r.Payment)));
        Assert.Equal((120_000.00m, 600.00m, 120_600.00m), (rows[^1].Principal, rows[^1].Interest, rows[^1].Payment));
    }

    [Fact]
    public void Balloon_amortises_down_to_the_balloon_paid_with_the_last_instalment()
    {
        var terms = Loans.Terms(100_000m, 6m, 36, RepaymentMethod.Balloon) with { BalloonFraction = 0.30m };
        var schedule = ScheduleBuilder.Build(terms);

        // Level payment that retires 100,000 down to 30,000 over 36 months at 0.5% a month:
        // (100,000 − 30,000 × 1.005^-36) × 0.005 / (1 − 1.005^-36) = 2,279.5356 → 2,279.54.
        Assert.Equal(2279.54m, schedule.LevelAmount);
        Assert.Equal(30_000.00m, terms.BalloonAmount);
        // The last instalment is the level payment plus the balloon, give or take the payments' cent rounding
        // carried over 36 months (at most 36 × 0.005 × 1.005^36 = 0.22).
        Assert.InRange(schedule.Last.Payment - schedule.LevelAmount - 30_000m, -0.22m, 0.22m);
        Assert.Equal(100_000.00m, schedule.Totals.Principal);
    }

    [Fact]
    public void Flat_fee_spread_charges_the_fee_on_the_original_principal_evenly()
    {
        var terms = Loans.Terms(100_000m, 0m, 36, RepaymentMethod.FlatFee) with { FlatFee = FlatFee.TotalPercent(8m, FeeTiming.Spread) };
        var schedule = ScheduleBuilder.Build(terms);

        Assert.Equal(8_000.00m, schedule.Totals.Fees);
        Assert.All(schedule.Installments.SkipLast(1), r => Assert.Equal((222.22m, 2777.78m, 3000.00m), (r.Fee, r.Principal, r.Payment)));
        Assert.Equal((222.30m, 2777.70m), (schedule.Last.Fee, schedule.Last.Principal));
    }

    [Fact]
    public void Flat_fee_true_annualised_rate_far_exceeds_the_fee_rate()
    {
        // 8% over 36 months sounds like 2.67% a year; paying it on the original principal is 5.06% (IRR × 12).
        var terms = Loans.Terms(100_000m, 0m, 36, RepaymentMethod.FlatFee) with { FlatFee = FlatFee.TotalPercent(8m, FeeTiming.Spread) };
        var rates = AnnualisedRates.Of(ScheduleBuilder.Build(terms));

        Assert.Equal(5.06m, Math.Round(rates.AprPercent, 2));
    }

    [Fact]
    public void Flat_fee_monthly_rate_equals_the_same_total_percentage()
    {
        var monthly = Loans.Terms(100_000m, 0m, 12, RepaymentMethod.FlatFee) with { FlatFee = FlatFee.MonthlyPercent(0.6m, 12, FeeTiming.Spread) };
        var schedule = ScheduleBuilder.Build(monthly);

        Assert.Equal(7_200.00m, schedule.Totals.Fees);
        // 0.6% a month on the original principal over 12 months: 13.03% APR, 13.84% compounded.
        var rates = AnnualisedRates.Of(schedule);
        Assert.Equal((13.03m, 13.84m), (Math.Round(rates.AprPercent, 2), Math.Round(rates.EffectiveAnnualPercent, 2)));
    }

    [Fact]
    public void Flat_fee_paid_up_front_lowers_the_amount_financed_not_the_instalments()
    {
        var terms = Loans.Terms(100_000m, 0m, 36, RepaymentMethod.FlatFee) with { FlatFee = FlatFee.TotalPercent(8m, FeeTiming.Upfront) };
        var schedule = ScheduleBuilder.Build(terms);

        Assert.Equal(92_000.00m, terms.AmountFinanced);
        Assert.Equal(0.00m, schedule.Totals.Fees);
        Assert.Equal(100_000.00m, schedule.Totals.Payment);
    }

    [Fact]
    public void Financed_bundles_join_the_principal_and_separate_ones_stay_outside()
    {
        var terms = Loans.Terms(100_000m, 4.9m, 36) with
        {
            Bundles = [new Bundle("Vehicle insurance", 4_000m, Financed: true), new Bundle("Extended warranty", 2_500m, Financed: false)],
        };
        var schedule = ScheduleBuilder.Build(terms);

        Assert.Equal(104_000m, terms.LoanPrincipal);
        Assert.Equal(2_500m, terms.BundlesPaidSeparately);
        Assert.Equal(104_000.00m, schedule.Totals.Principal);
    }

    [Fact]
    public void Long_odd_first_period_charges_whole_months_plus_odd_days()
    {
        // 10 Jan → 1 Mar: one whole month back from 1 Mar (to 1 Feb) plus 22 odd days (30/360: 21 days 10 Jan → 1 Feb).
        var terms = Loans.Terms(100_000m, 6m, 24) with { FirstDueDate = new DateOnly(2026, 3, 1) };
        var first = ScheduleBuilder.Build(terms).Installments[0];

        // 100,000 × (0.5% + 6% × 21/360) = 500.00 + 350.00.
        Assert.Equal(850.00m, first.Interest);
        Assert.Equal(new DateOnly(2026, 3, 1), first.DueDate);
    }

    [Fact]
    public void Short_odd_first_period_charges_only_its_days()
    {
        var terms = Loans.Terms(100_000m, 7.3m, 12) with { FirstDueDate = new DateOnly(2026, 1, 30), DayCount = DayCountConvention.Actual365 };
        var first = ScheduleBuilder.Build(terms).Installments[0];

        // 20 days at 7.3% / 365 = 0.02% a day: 400.00.
        Assert.Equal(400.00m, first.Interest);
    }

    [Fact]
    public void Due_dates_keep_the_first_due_day_through_short_months()
    {
        var terms = Loans.Terms(10_000m, 5m, 4) with { StartDate = new DateOnly(2027, 12, 31), FirstDueDate = new DateOnly(2028, 1, 31) };
        var dates = ScheduleBuilder.Build(terms).Installments.Select(r => r.DueDate).ToArray();

        Assert.Equal([new(2028, 1, 31), new(2028, 2, 29), new(2028, 3, 31), new(2028, 4, 30)], dates);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2026-02-28")]
    public void A_loan_made_on_the_31st_falls_due_on_each_months_last_day_not_on_the_28th_after_february(string? firstDue)
    {
        var terms = Loans.Terms(10_000m, 5m, 5) with
        {
            StartDate = new DateOnly(2026, 1, 31),
            FirstDueDate = firstDue is null ? null : DateOnly.Parse(firstDue, System.Globalization.CultureInfo.InvariantCulture),
        };
        var dates = ScheduleBuilder.Build(terms).Installments.Select(r => r.DueDate).ToArray();

        Assert.Equal([new(2026, 2, 28), new(2026, 3, 31), new(2026, 4, 30), new(2026, 5, 31), new(2026, 6, 30)], dates);

        // A schedule that runs on from a due date clamped in a short month keeps the loan's day.
        var onward = Loans.Terms(8_000m, 5m, 3) with { StartDate = new DateOnly(2026, 2, 28), FirstDueDate = new DateOnly(2026, 3, 31) };
        Assert.Equal([new(2026, 3, 31), new(2026, 4, 30), new(2026, 5, 31)], ScheduleBuilder.Build(onward).Installments.Select(r => r.DueDate).ToArray());
    }

    [Fact]
    public void Day_count_accrual_charges_each_period_by_its_actual_days()
    {
        var terms = Loans.Terms(36_500m, 10m, 3) with { Accrual = InterestAccrual.DayCount, DayCount = DayCountConvention.Actual365, StartDate = new DateOnly(2026, 1, 1) };
        var rows = ScheduleBuilder.Build(terms).Installments;

        // January has 31 days: 36,500 × 10% × 31/365 = 310.00; February 28 days on the lower balance.
        Assert.Equal(310.00m, rows[0].Interest);
        Assert.Equal(Math.Round(rows[0].Balance * 0.10m * 28m / 365m, 2, MidpointRounding.AwayFromZero), rows[1].Interest);
    }

    [Fact]
    public void Interest_rounds_half_away_from_zero_on_the_exact_monthly_rate()
    {
        // 60.00 × 4.9% / 12 is exactly 0.245: rounded half away from zero it is 0.25 (a rate cut to 28 digits gives 0.24).
        var terms = Loans.Terms(60m, 4.9m, 2, RepaymentMethod.InterestOnly);
        Assert.Equal(0.25m, ScheduleBuilder.Build(terms).Installments[0].Interest);
    }

    [Fact]
    public void Zero_rate_annuity_repays_principal_in_equal_parts()
    {
        var schedule = Loans.Build(10_000m, 0m, 3);
        Assert.Equal([3333.33m, 3333.33m, 3333.34m], schedule.Installments.Select(r => r.Payment));
        Assert.Equal(0m, AnnualisedRates.Of(schedule).AprPercent);
    }
}
