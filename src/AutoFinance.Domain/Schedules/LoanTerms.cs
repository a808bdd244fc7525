using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Schedules;

/// <summary>Everything that fixes a loan's schedule. Rates are fractions (0.049 for 4.9%).</summary>
public sealed record LoanTerms
{
    /// <summary>The cash principal borrowed for the vehicle (financed bundles are added on top).</summary>
    public required decimal Principal { get; init; }

    /// <summary>Nominal annual interest rate as a fraction.</summary>
    public required decimal AnnualRate { get; init; }

    public required int TermMonths { get; init; }

    public required RepaymentMethod Method { get; init; }

    /// <summary>Disbursement date: interest runs from here.</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary>First due date; one month after <see cref="StartDate"/> when not given.</summary>
    public DateOnly? FirstDueDate { get; init; }

    public Currency Currency { get; init; } = Currency.Cny;

    /// <summary>Day count for odd days, payoff accrual and <see cref="InterestAccrual.DayCount"/>.</summary>
    public DayCountConvention DayCount { get; init; } = DayCountConvention.Thirty360;

    public InterestAccrual Accrual { get; init; } = InterestAccrual.MonthlyRate;

    /// <summary>Final balloon as a fraction of the principal (balloon method only).</summary>
    public decimal BalloonFraction { get; init; }

    /// <summary>The flat fee (flat-fee method only).</summary>
    public FlatFee? FlatFee { get; init; }

    /// <summary>A fee paid at signing; it is a finance charge and lowers the net amount advanced.</summary>
    public decimal UpfrontFee { get; init; }

    public IReadOnlyList<Bundle> Bundles { get; init; } = [];

    /// <summary>
    /// The level amount fixed in advance instead of solved for, when a re-amortisation keeps the payment:
    /// the level payment of an annuity or balloon loan, the level principal part of an equal-principal loan.
    /// The last instalment still absorbs what remains.
    /// </summary>
    public decimal? FixedInstallment { get; init; }

    /// <summary>Instalments already behind this schedule (a re-amortised remainder continues their numbering).</summary>
    public int NumberOffset { get; init; }

    public DateOnly EffectiveFirstDueDate => FirstDueDate ?? StartDate.AddMonths(1);

    /// <summary>
    /// The day of the month instalments fall due on (clamped to shorter months): the start's day when the first
    /// instalment is due a month after the start, so a loan made on 31 January falls due on 28 February and then on
    /// 31 March, 30 April; otherwise the first due date's day.
    /// </summary>
    public int DueDay => EffectiveFirstDueDate == StartDate.AddMonths(1) ? StartDate.Day : EffectiveFirstDueDate.Day;

    /// <summary>The due date of instalment <paramref name="number"/> of this schedule (1-based), on <see cref="DueDay"/>.</summary>
    public DateOnly DueDate(int number)
    {
        var month = EffectiveFirstDueDate.AddMonths(number - 1);
        return new DateOnly(month.Year, month.Month, Math.Min(DueDay, DateTime.DaysInMonth(month.Year, month.Month)));
    }

    /// <summary>The principal of the loan: the cash principal plus the bundles financed in it.</summary>
    public decimal LoanPrincipal
    {
        get
        {
            var total = Principal;
            foreach (var bundle in Bundles)
            {
                if (bundle.Financed)
                {
                    total += bundle.Price;
                }
            }

            return total;
        }
    }

    public decimal BalloonAmount => Method == RepaymentMethod.Balloon ? Currency.Round(Principal * BalloonFraction) : 0m;

    /// <summary>Finance charges paid at signing: the up-front fee and an up-front flat fee.</summary>
    public decimal PrepaidFinanceCharges =>
        UpfrontFee + (Method == RepaymentMethod.FlatFee && FlatFee is { Timing: FeeTiming.Upfront } fee
            ? fee.Amount(LoanPrincipal, Currency)
            : 0m);

    /// <summary>The amount financed in the Regulation Z sense: the loan principal less prepaid finance charges.</summary>
    public decimal AmountFinanced => LoanPrincipal - PrepaidFinanceCharges;

    /// <summary>Bundles the customer pays for at signing, outside the loan.</summary>
    public decimal BundlesPaidSeparately => Bundles.Where(b => !b.Financed).Sum(b => b.Price);
}
