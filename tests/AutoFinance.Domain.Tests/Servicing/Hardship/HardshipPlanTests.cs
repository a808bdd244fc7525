using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing.Hardship;
using AutoFinance.Domain.Tests.Schedules;

namespace AutoFinance.Domain.Tests.Servicing.Hardship;

public class HardshipPlanTests
{
    /// <summary>100,000 at 4.9% over 36 months, first due 10 February 2026; 12 instalments paid to 10 January 2027.</summary>
    private static readonly RepaymentSchedule Loan = Loans.Build(100_000m, 4.9m, 36);

    private static decimal Balance => Loan.BalanceAfter(12);

    [Fact]
    public void A_three_month_holiday_capitalises_three_months_of_interest_and_moves_maturity_by_three_months()
    {
        var result = PaymentHoliday.Apply(Loan, 12, 3);
        var schedule = result.Schedule!;
        var adjustment = result.Adjustment!;

        // Three whole months at 4.9% / 12, simple, rounded once.
        Assert.Equal(Math.Round(Balance * 0.049m * 3m / 12m, 2, MidpointRounding.AwayFromZero), adjustment.CapitalisedInterest);
        Assert.Equal(Balance, adjustment.OutstandingPrincipal);
        Assert.Equal(
            [new SkippedInstallment(13, new DateOnly(2027, 2, 10)), new SkippedInstallment(14, new DateOnly(2027, 3, 10)), new SkippedInstallment(15, new DateOnly(2027, 4, 10))],
            adjustment.SkippedInstallments);
        Assert.Equal(24, schedule.Count);
        Assert.Equal(16, schedule.Installments[0].Number);
        Assert.Equal(new DateOnly(2027, 5, 10), schedule.Installments[0].DueDate);
        Assert.Equal(Loan.Last.DueDate.AddMonths(3), adjustment.NewMaturity);
        Assert.Equal(adjustment.NewPrincipal, schedule.Totals.Principal);
        Assert.True(adjustment.NewPayment > adjustment.PreviousPayment);
    }

    [Fact]
    public void A_term_extension_lowers_the_payment_without_capitalising()
    {
        var result = TermExtension.Apply(Loan, 12, 12);
        var schedule = result.Schedule!;

        Assert.Equal(36, schedule.Count);
        Assert.Equal(13, schedule.Installments[0].Number);
        Assert.Equal(Loan.Installments[12].DueDate, schedule.Installments[0].DueDate);
        Assert.Equal(0m, result.Adjustment!.CapitalisedInterest);
        Assert.Equal(Balance, schedule.Totals.Principal);
        Assert.Equal(Loan.Last.DueDate.AddMonths(12), result.Adjustment.NewMaturity);
        Assert.True(result.Adjustment.NewPayment < result.Adjustment.PreviousPayment);
    }

    [Fact]
    public void Re_amortising_after_two_missed_instalments_capitalises_the_interest_to_the_date()
    {
        // Paid to 10 Jan 2027; rescheduled on 25 Mar 2027: two whole months (25 Jan → 25 Mar) and 15 odd days (30/360).
        var result = Reamortisation.Apply(Loan, 12, new DateOnly(2027, 3, 25), 30);
        var schedule = result.Schedule!;

        Assert.True(result.IsValid);
        Assert.Equal(Math.Round(Balance * 0.049m * 75m / 360m, 2, MidpointRounding.AwayFromZero), result.Adjustment!.CapitalisedInterest);
        Assert.Equal(30, schedule.Count);
        Assert.Equal(13, schedule.Installments[0].Number);
        Assert.Equal(new DateOnly(2027, 4, 25), schedule.Installments[0].DueDate);
        Assert.Equal(Balance + result.Adjustment.CapitalisedInterest, schedule.Totals.Principal);
    }

    [Fact]
    public void Amounts_already_received_reduce_what_is_re_amortised()
    {
        var full = Reamortisation.Apply(Loan, 12, new DateOnly(2027, 3, 25), 30).Adjustment!;
        var part = Reamortisation.Apply(Loan, 12, new DateOnly(2027, 3, 25), 30, principalPaidSince: 1_000m, interestPaidSince: 100m).Adjustment!;

        Assert.Equal(full.OutstandingPrincipal - 1_000m, part.OutstandingPrincipal);
        Assert.Equal(full.CapitalisedInterest - 100m, part.CapitalisedInterest);
    }

    [Fact]
    public void Every_problem_with_a_request_is_named()
    {
        Assert.Equal(["installmentsPaid", "installmentsSkipped"], PaymentHoliday.Apply(Loan, 36, 0).Errors.Select(e => e.Field));
        Assert.Equal(["extraMonths"], TermExtension.Apply(Loan, 0, 0).Errors.Select(e => e.Field));
        Assert.Equal(["extraMonths"], TermExtension.Apply(Loan, 0, 100).Errors.Select(e => e.Field));
        Assert.Equal(["from", "principalPaidSince", "interestPaidSince"],
            Reamortisation.Apply(Loan, 12, new DateOnly(2027, 1, 9), 24, principalPaidSince: -1m, interestPaidSince: 0.001m).Errors.Select(e => e.Field));
        Assert.Equal(["interestPaidSince"], Reamortisation.Apply(Loan, 12, new DateOnly(2027, 1, 20), 24, interestPaidSince: 10_000m).Errors.Select(e => e.Field));
        Assert.Equal(["termMonths"], Reamortisation.Apply(Loan, 12, new DateOnly(2027, 1, 20), 0).Errors.Select(e => e.Field));
        Assert.Null(PaymentHoliday.Apply(Loan, 36, 1).Schedule);
    }
}
