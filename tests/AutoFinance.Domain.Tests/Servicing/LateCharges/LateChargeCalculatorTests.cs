using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.LateCharges;
using CsCheck;

namespace AutoFinance.Domain.Tests.Servicing.LateCharges;

public class LateChargeCalculatorTests
{
    private static readonly DateOnly Due = new(2026, 3, 10);

    /// <summary>4.9% contract rate, penalty 150% of it (7.35%), 3 grace days, a 50.00 late fee, actual/365.</summary>
    private static readonly LateChargePolicy Policy = new(new LateChargeTerms(GraceDays: 3, FixedFee: 50m, PenaltyRateMultiplier: 1.5m), 0.049m, Currency.Cny);

    private static InstallmentDue Owing(decimal principal, decimal interest) => new(4, Due, 0m, 0m, interest, principal);

    /// <summary>Runs the step on each business date given, with the amount owed on that date, and returns the postings.</summary>
    private static (decimal Fees, decimal Penalty, LateChargeState State, List<decimal> Increments) Run(
        LateChargePolicy policy, IEnumerable<DateOnly> runDates, Func<DateOnly, InstallmentDue> owing)
    {
        var state = LateChargeState.Start(4, Due);
        decimal fees = 0m, penalty = 0m;
        var increments = new List<decimal>();
        foreach (var date in runDates)
        {
            var result = LateChargeCalculator.Accrue(state, owing(date), date, policy);
            fees += result.Fee;
            penalty += result.Penalty;
            increments.Add(result.Penalty);
            state = result.State;
        }

        return (fees, penalty, state, increments);
    }

    private static IEnumerable<DateOnly> Days(int from, int to) => Enumerable.Range(from, to - from + 1).Select(Due.AddDays);

    [Fact]
    public void One_day_of_penalty_is_overdue_times_rate_times_multiplier_over_365()
    {
        // 10,000.00 × 4.9% × 1.5 / 365 = 735 / 365 = 2.01369863013…
        Assert.Equal(2.0136986301m, PenaltyInterest.ForDay(10_000m, Policy, Due.AddDays(1)));
        Assert.Equal(0m, PenaltyInterest.ForDay(0m, Policy, Due.AddDays(1)));
        // 30 days: 22,050 / 365 = 60.41095… → 60.41 once rounded.
        Assert.Equal(60.41m, Currency.Cny.Round(PenaltyInterest.ForDays(10_000m, Policy, Due, Due.AddDays(30))));
    }

    [Fact]
    public void An_instalment_paid_within_grace_is_charged_nothing()
    {
        var (fees, penalty, state, _) = Run(Policy, Days(1, 3), _ => Owing(9_591.67m, 408.33m));

        Assert.Equal(0m, fees);
        Assert.Equal(0m, penalty);
        Assert.Equal(0m, state.PenaltyPosted);
        Assert.True(state.PenaltyAccrued > 0m);
        Assert.False(state.FeeCharged);
        Assert.False(LateFee.IsGraceExceeded(Due, Due.AddDays(3), 3));
        Assert.Equal(Due.AddDays(4), LateFee.GraceEnds(Due, 3));
    }

    [Fact]
    public void Past_grace_the_fee_is_charged_once_and_the_grace_days_are_charged_with_the_first_penalty()
    {
        var (fees, _, _, increments) = Run(Policy, Days(1, 6), _ => Owing(9_591.67m, 408.33m));

        Assert.Equal(50m, fees);
        // Days 1–3 post nothing; day 4 catches up four days: 4 × 2.0136986301 = 8.0547945204 → 8.05.
        // Day 5: 10.0684931505 → 10.07, posts 0.02. Day 6: 12.0821917806 → 12.08, posts 0.01.
        Assert.Equal([0m, 0m, 0m, 8.05m, 2.02m, 2.01m], increments);
    }

    [Fact]
    public void After_grace_mode_charges_only_the_days_past_grace()
    {
        var policy = Policy with { PenaltyStart = PenaltyStart.AfterGrace };
        var (_, penalty, _, _) = Run(policy, Days(1, 30), _ => Owing(9_591.67m, 408.33m));

        // 27 days × 2.0136986301 = 54.3698630127 → 54.37.
        Assert.Equal(54.37m, penalty);
    }

    [Fact]
    public void The_total_is_the_same_to_the_cent_whether_the_job_runs_daily_weekly_or_once()
    {
        static InstallmentDue Owes(DateOnly _) => Owing(9_591.67m, 408.33m);
        var daily = Run(Policy, Days(1, 30), Owes);
        var weekly = Run(Policy, [Due.AddDays(7), Due.AddDays(14), Due.AddDays(21), Due.AddDays(28), Due.AddDays(30)], Owes);
        var once = Run(Policy, [Due.AddDays(30)], Owes);

        // 30 × 2.0136986301 = 60.410958903 → 60.41 = round(10,000 × 7.35% × 30 / 365).
        Assert.Equal(60.41m, daily.Penalty);
        Assert.Equal(60.41m, weekly.Penalty);
        Assert.Equal(60.41m, once.Penalty);
        Assert.Equal(daily.State, weekly.State);
        Assert.Equal(daily.State, once.State);
        Assert.Equal(50m, daily.Fees);
        Assert.Equal(50m, once.Fees);
    }

    [Fact]
    public void A_rerun_of_a_business_date_posts_nothing()
    {
        var owes = Owing(9_591.67m, 408.33m);
        var first = LateChargeCalculator.Accrue(LateChargeState.Start(owes), owes, Due.AddDays(10), Policy);
        var again = LateChargeCalculator.Accrue(first.State, owes, Due.AddDays(10), Policy);

        Assert.True(first.HasPostings);
        Assert.False(again.HasPostings);
        Assert.Equal(first.State, again.State);
    }

    [Fact]
    public void A_partial_payment_lowers_the_base_from_that_day()
    {
        // 10,000 owed for days 1–9, 5,000 from day 10: 9 × 2.0136986301 + 21 × 1.0068493151 = 39.267123288 → 39.27.
        var (_, penalty, _, _) = Run(Policy, Days(1, 30), date => date < Due.AddDays(10) ? Owing(9_591.67m, 408.33m) : Owing(5_000m, 0m));
        Assert.Equal(39.27m, penalty);
    }

    [Fact]
    public void Paying_off_principal_and_interest_stops_the_penalty_and_a_fee_is_never_charged_for_penalty_alone()
    {
        var (fees, penalty, state, increments) = Run(Policy, Days(1, 20), date => date <= Due.AddDays(3) ? Owing(9_591.67m, 408.33m) : new InstallmentDue(4, Due, 0m, 6.04m, 0m, 0m));

        Assert.Equal(0m, fees);
        // The three grace days (6.0410958903 → 6.04) are posted on day 4, when grace is exceeded, and nothing after.
        Assert.Equal(6.04m, penalty);
        Assert.All(increments.Skip(4), increment => Assert.Equal(0m, increment));
        Assert.False(state.FeeCharged);
    }

    [Fact]
    public void Actual_actual_counts_a_leap_year_day_as_one_366th()
    {
        var policy = Policy with { DayCount = DayCountConvention.ActualActual };
        // 10,000 × 7.35% / 366 = 2.00819672131…
        Assert.Equal(2.0081967213m, PenaltyInterest.ForDay(10_000m, policy, new DateOnly(2028, 3, 1)));
        Assert.Equal(2.0136986301m, PenaltyInterest.ForDay(10_000m, policy, new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void The_state_must_belong_to_the_instalment()
    {
        var state = LateChargeState.Start(3, Due);
        Assert.Throws<ArgumentException>(() => LateChargeCalculator.Accrue(state, Owing(1m, 0m), Due.AddDays(5), Policy));
    }

    [Fact]
    public void Postings_always_add_up_to_the_rounded_accrual_whatever_the_runs()
    {
        Gen.Select(Gen.Long[0, 5_000_000].Array[40], Gen.Bool.Array[40], Gen.Int[0, 10], Gen.Int[0, 2_000])
            .Sample((owedCents, runs, grace, rateBp) =>
            {
                var policy = Policy with { Terms = Policy.Terms with { GraceDays = grace }, AnnualRate = rateBp / 10_000m, DayCount = DayCountConvention.ActualActual };
                var runDates = Enumerable.Range(1, 40).Where(k => runs[k - 1] || k == 40).Select(Due.AddDays).ToList();
                var dailyDates = Enumerable.Range(1, 40).Select(Due.AddDays).ToList();

                // The amount owed changes only on run dates, so the catch-ups see the same amounts as daily runs.
                InstallmentDue Owes(DateOnly date)
                {
                    var nextRun = runDates.First(run => run >= date);
                    return Owing(owedCents[nextRun.DayNumber - Due.DayNumber - 1] / 100m, 0m);
                }

                var sparse = Run(policy, runDates, Owes);
                var daily = Run(policy, dailyDates, Owes);
                var exact = dailyDates.Sum(date => PenaltyInterest.ForDay(Owes(date).Principal, policy, date));

                Assert.Equal(Currency.Cny.Round(exact), sparse.Penalty);
                Assert.Equal(sparse.Penalty, daily.Penalty);
                Assert.Equal(sparse.State.PenaltyAccrued, daily.State.PenaltyAccrued);
                Assert.All(sparse.Increments.Concat(daily.Increments), increment => Assert.True(increment >= 0m));
            }, iter: 300);
    }
}
