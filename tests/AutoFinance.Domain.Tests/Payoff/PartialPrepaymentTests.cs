using AutoFinance.Domain.Payoff;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Tests.Schedules;
using CsCheck;

namespace AutoFinance.Domain.Tests.Payoff;

public class PartialPrepaymentTests
{
    [Fact]
    public void Keeping_the_term_lowers_the_payment()
    {
        var schedule = Loans.Build(100_000m, 4.9m, 36);
        var after = PartialPrepayment.Apply(schedule, 12, 20_000m, ReamortisationMode.KeepTerm).Schedule!;

        Assert.Equal(24, after.Count);
        Assert.Equal(13, after.Installments[0].Number);
        Assert.Equal(schedule.Installments[12].DueDate, after.Installments[0].DueDate);
        Assert.True(after.LevelAmount < schedule.LevelAmount);
        Assert.Equal(schedule.BalanceAfter(12) - 20_000m, after.Totals.Principal);
    }

    [Fact]
    public void Keeping_the_payment_shortens_the_term()
    {
        var schedule = Loans.Build(100_000m, 4.9m, 36);
        var after = PartialPrepayment.Apply(schedule, 12, 20_000m, ReamortisationMode.KeepPayment).Schedule!;

        Assert.True(after.Count < 24);
        Assert.Equal(schedule.LevelAmount, after.LevelAmount);
        Assert.True(after.Last.Payment <= schedule.LevelAmount);
        Assert.Equal(0m, after.Last.Balance);
    }

    [Fact]
    public void Re_amortised_schedules_repay_exactly_what_remains()
    {
        Gen.Select(Gen.Long[1_000_000, 100_000_000], Gen.Int[0, 2400], Gen.Int[3, 120], Gen.Int[0, 1], Gen.Int[1, 99], Gen.Bool)
            .Sample((cents, bp, term, method, share, keepPayment) =>
            {
                var schedule = Loans.Build(cents / 100m, bp / 100m, term, method == 0 ? RepaymentMethod.Annuity : RepaymentMethod.EqualPrincipal);
                var paid = term / 3;
                var balance = schedule.BalanceAfter(paid);
                var amount = Math.Max(0.01m, Math.Round(balance * share / 100m, 2));
                var result = PartialPrepayment.Apply(schedule, paid, amount, keepPayment ? ReamortisationMode.KeepPayment : ReamortisationMode.KeepTerm);

                Assert.Null(result.Error);
                Assert.Equal(balance - amount, result.Schedule!.Totals.Principal);
                Assert.Equal(0m, result.Schedule.Last.Balance);
                Assert.True(result.Schedule.Count <= term - paid);
            }, iter: 300);
    }

    [Fact]
    public void Prepaying_everything_is_a_payoff_not_a_prepayment()
    {
        var schedule = Loans.Build(10_000m, 4.9m, 12);
        var result = PartialPrepayment.Apply(schedule, 0, 10_000m, ReamortisationMode.KeepTerm);

        Assert.Equal("amount", result.Error!.Field);
    }
}
