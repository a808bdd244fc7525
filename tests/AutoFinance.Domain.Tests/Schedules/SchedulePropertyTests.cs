using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Rates;
using AutoFinance.Domain.Schedules;
using CsCheck;

namespace AutoFinance.Domain.Tests.Schedules;

/// <summary>Invariants of every schedule, over random loans of every method, rate, term and odd first period.</summary>
public class SchedulePropertyTests
{
    private static readonly Gen<LoanTerms> AnyLoan = LoansOf(Gen.Int[0, 4], Gen.Int[1, 80]);

    /// <summary>
    /// Flat-fee loans whose fee is spread (an even share), drawn as such: filtering <see cref="AnyLoan"/> for them
    /// rejects nine draws in ten, which now and then ran out CsCheck's limit on rejections and failed the test. Other
    /// tests draw flat-fee loans the same way (<see cref="LoansOf"/>), filtering only what is rare.
    /// </summary>
    private static readonly Gen<LoanTerms> SpreadFlatFeeLoan = LoansOf(Gen.Const((int)RepaymentMethod.FlatFee), Gen.Int[1, 40].Select(half => half * 2));

    private static Gen<LoanTerms> LoansOf(Gen<int> methods, Gen<int> shares) =>
        Gen.Select(
            Gen.Long[100_000, 2_000_000_000],   // principal in cents: 1,000.00 to 20,000,000.00
            Gen.Int[0, 3600],                    // annual rate in basis points of a percent: 0% to 36%
            Gen.Int[1, 120],                     // term in months
            methods,                             // repayment method
            Gen.Int[-20, 27],                    // first due date offset from one month, days
            Gen.Int[0, 3],                       // day count
            shares,                              // balloon percent / flat fee tenths of a percent
            Gen.Date[new DateTime(2020, 1, 1), new DateTime(2035, 12, 31)])
        .Select((cents, bp, term, method, offset, dayCount, share, start) =>
        {
            var m = (RepaymentMethod)method;
            var startDate = DateOnly.FromDateTime(start);
            return new LoanTerms
            {
                Principal = cents / 100m,
                AnnualRate = m == RepaymentMethod.FlatFee ? 0m : bp / 10_000m,
                TermMonths = term,
                Method = m,
                StartDate = startDate,
                FirstDueDate = startDate.AddMonths(1).AddDays(offset),
                DayCount = (DayCountConvention)dayCount,
                BalloonFraction = m == RepaymentMethod.Balloon ? share / 100m : 0m,
                FlatFee = m == RepaymentMethod.FlatFee ? FlatFee.TotalPercent(share / 2m, share % 2 == 0 ? FeeTiming.Spread : FeeTiming.Upfront) : null,
            };
        });

    [Fact]
    public void Principal_sums_exactly_to_the_loan_and_every_row_adds_up()
    {
        AnyLoan.Sample(terms =>
        {
            var schedule = ScheduleBuilder.Build(terms);
            var opening = terms.LoanPrincipal;
            foreach (var row in schedule.Installments)
            {
                Assert.Equal(row.Payment, row.Principal + row.Interest + row.Fee);
                Assert.Equal(opening - row.Principal, row.Balance);
                Assert.True(row.Balance >= 0m && row.Principal >= 0m && row.Interest >= 0m && row.Fee >= 0m, $"negative amount in row {row.Number}");
                Assert.Equal(row.Payment, Math.Round(row.Payment, 2));
                opening = row.Balance;
            }

            Assert.Equal(terms.LoanPrincipal, schedule.Totals.Principal);
            Assert.Equal(0.00m, schedule.Last.Balance);
            Assert.Equal(terms.TermMonths, schedule.Count);
        }, iter: 3000);
    }

    [Fact]
    public void Spread_flat_fee_sums_exactly_to_the_fee()
    {
        SpreadFlatFeeLoan.Sample(terms =>
        {
            Assert.Equal(FeeTiming.Spread, terms.FlatFee!.Timing);
            var schedule = ScheduleBuilder.Build(terms);
            Assert.Equal(terms.FlatFee!.Amount(terms.LoanPrincipal, terms.Currency), schedule.Totals.Fees);
        }, iter: 500);
    }

    [Fact]
    public void Apr_of_a_fee_free_annuity_equals_its_nominal_rate()
    {
        Gen.Select(Gen.Long[1_000_000, 500_000_000], Gen.Int[1, 3600], Gen.Int[6, 120]).Sample((cents, bp, term) =>
        {
            var terms = Loans.Terms(cents / 100m, bp / 100m, term);
            var apr = AnnualisedRates.Of(ScheduleBuilder.Build(terms)).AprPercent;
            // Only the cent rounding of the payments separates the two.
            Assert.InRange(apr - (bp / 100m), -0.02m, 0.02m);
        }, iter: 1000);
    }

    [Fact]
    public void Adding_any_fee_raises_the_apr()
    {
        AnyLoan.Where(t => t.Method != RepaymentMethod.FlatFee).Select(Gen.Int[1, 500_00], (terms, feeCents) => (terms, fee: feeCents / 100m)).Sample(c =>
        {
            var without = AnnualisedRates.Of(ScheduleBuilder.Build(c.terms)).AprPercent;
            var with = AnnualisedRates.Of(ScheduleBuilder.Build(c.terms with { UpfrontFee = c.fee })).AprPercent;
            Assert.True(with > without, $"APR {with} with a fee of {c.fee} is not above {without}");
        }, iter: 1000);
    }

    [Fact]
    public void Apr_of_a_flat_fee_loan_exceeds_its_flat_rate()
    {
        // With a regular first month: a first period stretched by weeks delays every payment and can pull a very short
        // loan's APR below a flat rate that is quoted over the nominal term.
        LoansOf(Gen.Const((int)RepaymentMethod.FlatFee), Gen.Int[1, 80]).Where(t => t.TermMonths > 1 && t.FlatFee!.TotalFraction > 0).Sample(irregular =>
        {
            var terms = irregular with { FirstDueDate = null };
            var flatAnnualPercent = terms.FlatFee!.TotalFraction * 100m * 12m / terms.TermMonths;
            var apr = AnnualisedRates.Of(ScheduleBuilder.Build(terms)).AprPercent;
            Assert.True(apr > flatAnnualPercent, $"APR {apr} is not above the flat rate {flatAnnualPercent}");
        }, iter: 1000);
    }
}
