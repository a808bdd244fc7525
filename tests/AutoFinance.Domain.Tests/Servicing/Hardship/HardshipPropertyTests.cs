using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing.Hardship;
using AutoFinance.Domain.Tests.Schedules;
using CsCheck;

namespace AutoFinance.Domain.Tests.Servicing.Hardship;

/// <summary>Invariants of every hardship plan over random loans, methods, conventions and requests.</summary>
public class HardshipPropertyTests
{
    private enum Plan
    {
        Holiday,
        Extension,
        Reamortise,
    }

    private static readonly Gen<(RepaymentSchedule Schedule, int Paid, Plan Plan, int Size, int Days)> Cases =
        Gen.Select(Gen.Long[1_000_00, 2_000_000_00], Gen.Int[0, 2_400], Gen.Int[2, 84], Gen.Enum<RepaymentMethod>(), Gen.Enum<InterestAccrual>(), Gen.Int[0, 30])
            .Select(Gen.Enum<Plan>(), Gen.Int[1, 24], Gen.Int[0, 90], Gen.Int[0, 1_000])
            .Select(t =>
            {
                var ((cents, bp, term, method, accrual, startShift), plan, size, days, paidShare) = t;
                var terms = Loans.Terms(cents / 100m, bp / 100m, term, method) with
                {
                    StartDate = new DateOnly(2025, 12, 1).AddDays(startShift),
                    FirstDueDate = new DateOnly(2026, 1, 31),
                    Accrual = accrual,
                    DayCount = accrual == InterestAccrual.DayCount ? DayCountConvention.Actual365 : DayCountConvention.Thirty360,
                    BalloonFraction = method == RepaymentMethod.Balloon ? 0.25m : 0m,
                    FlatFee = method == RepaymentMethod.FlatFee ? FlatFee.MonthlyPercent(0.4m, term, FeeTiming.Spread) : null,
                };
                var schedule = ScheduleBuilder.Build(terms);
                return (schedule, paidShare * (term - 1) / 1_000, plan, size, days);
            });

    [Fact]
    public void New_schedules_repay_exactly_the_outstanding_principal_plus_capitalised_interest_and_never_go_negative()
    {
        Cases.Sample(c =>
        {
            var (schedule, paid, plan, size, days) = c;
            var result = plan switch
            {
                Plan.Holiday => PaymentHoliday.Apply(schedule, paid, size),
                Plan.Extension => TermExtension.Apply(schedule, paid, size),
                _ => Reamortisation.Apply(schedule, paid, schedule.LastPaidDate(paid).AddDays(days), schedule.Count - paid + size),
            };

            Assert.True(result.IsValid, string.Join("; ", result.Errors));
            var rebuilt = result.Schedule!;
            var adjustment = result.Adjustment!;
            var outstanding = schedule.BalanceAfter(paid);

            Assert.Equal(outstanding, adjustment.OutstandingPrincipal);
            Assert.True(adjustment.CapitalisedInterest >= 0m);
            Assert.Equal(outstanding + adjustment.CapitalisedInterest, rebuilt.Totals.Principal);
            Assert.Equal(0m, rebuilt.Last.Balance);
            foreach (var row in rebuilt.Installments)
            {
                Assert.True(row.Payment >= 0m && row.Principal >= 0m && row.Interest >= 0m && row.Fee >= 0m && row.Balance >= 0m, $"negative amount in {row}");
                Assert.Equal(row.Payment, row.Principal + row.Interest + row.Fee);
            }

            // The numbering runs on without gap after the instalments paid and skipped.
            var firstNumber = schedule.Terms.NumberOffset + paid + adjustment.SkippedInstallments.Count + 1;
            Assert.Equal(Enumerable.Range(firstNumber, rebuilt.Count), rebuilt.Installments.Select(row => row.Number));
            Assert.True(rebuilt.Installments[0].DueDate > rebuilt.Terms.StartDate);
            if (schedule.Terms.Method == RepaymentMethod.FlatFee)
            {
                Assert.Equal(schedule.FeesAfter(paid), rebuilt.Totals.Fees);
            }

            if (plan == Plan.Holiday)
            {
                Assert.Equal(size, adjustment.SkippedInstallments.Count);
                Assert.Equal(schedule.Count - paid, rebuilt.Count);
                // Same month; the day may drift to an earlier clamped month end (a remainder schedule takes its day from its first due date).
                var maturity = schedule.Last.DueDate.AddMonths(size);
                Assert.Equal((maturity.Year, maturity.Month), (rebuilt.Last.DueDate.Year, rebuilt.Last.DueDate.Month));
            }
        }, iter: 400);
    }
}
