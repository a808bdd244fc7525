using System.Buffers;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Origination;

/// <summary>Prices a plan for a risk grade from a rate card and its promotions.</summary>
/// <remarks>
/// <para>The card rate comes from <see cref="RateCard.CardRate"/>. Of the promotions that apply to the plan on the
/// pricing date (<see cref="Promotion.AppliesTo"/>), the one with the lowest rate is taken (the first listed on a tie),
/// and only when its rate is below the card rate; when none lowers the rate, the first that waives the prepayment fee
/// is taken at the card rate. A promotion's rate is its own fixed rate, or the card rate less its discount
/// (<see cref="Promotion.RateFor"/>).</para>
/// <para><b>Subsidy</b>: the interest the lender gives up, which the sponsor pays it — the total interest of the plan's
/// schedule at the card rate less the total interest of the same schedule (same principal, term, method, balloon and
/// dates) at the promotional rate. Both schedules are built by <see cref="ScheduleBuilder"/>, so each instalment's
/// interest is rounded to the minor unit exactly as the customer's schedule is, and the subsidy is exact to the cent.
/// It is the nominal difference, not discounted to the disbursement date; a sponsor who settles it at disbursement
/// and wants the present value would discount it at the card rate.</para>
/// </remarks>
public static class Pricing
{
    /// <summary>
    /// Prices the plan for a loan starting on <paramref name="startDate"/> (also the date promotions are checked on), with
    /// the first instalment one month later; null when the grade is not priced.
    /// </summary>
    public static PricedRate? Price(string grade, FinancingRequest plan, RateCard rateCard, DateOnly startDate, Currency? currency = null)
    {
        ArgumentNullException.ThrowIfNull(rateCard);
        ArgumentNullException.ThrowIfNull(plan);
        var money = currency ?? Currency.Cny;
        var errors = plan.Validate(money);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid financing request: " + string.Join("; ", errors), nameof(plan));
        }

        if (Quote(grade, plan, rateCard, startDate) is not { } quote)
        {
            return null;
        }

        if (quote.Promotion is null)
        {
            return new PricedRate(quote.CardRate, quote.CardRate, null, 0m);
        }

        var promotional = ScheduleBuilder.Build(plan.ToLoanTerms(quote.AnnualRate, startDate, money));
        return new PricedRate(quote.AnnualRate, quote.CardRate, quote.Promotion, Subsidy(promotional, quote.CardRate));
    }

    /// <summary>The rates of a plan without its subsidy, as a value (a decision quotes a dozen plans); null when the grade is not priced.</summary>
    internal static (decimal AnnualRate, decimal CardRate, Promotion? Promotion)? Quote(string grade, FinancingRequest plan, RateCard rateCard, DateOnly date) =>
        Quote(grade, plan, PlanVariation.Of(plan), rateCard, date);

    /// <summary>The rates of a variation of a plan without its subsidy; null when the grade is not priced.</summary>
    internal static (decimal AnnualRate, decimal CardRate, Promotion? Promotion)? Quote(string grade, FinancingRequest request, PlanVariation plan, RateCard rateCard, DateOnly date)
    {
        if (rateCard.CardRate(grade, request, plan) is not { } card)
        {
            return null;
        }

        Promotion? best = null;
        var bestRate = card;
        var promotions = rateCard.Promotions;
        for (var i = 0; i < promotions.Count; i++)
        {
            var promotion = promotions[i];
            var rate = promotion.RateFor(card);
            // A lower rate wins; at the card rate only a fee waiver is worth taking, and the first one listed.
            if ((rate < bestRate || (best is null && rate == card && promotion.WaivesPrepaymentFee)) && promotion.AppliesTo(request, plan, date))
            {
                best = promotion;
                bestRate = rate;
            }
        }

        return (bestRate, card, best);
    }

    /// <summary>The subsidy of a schedule built at a promotional rate: its interest at the card rate less its own.</summary>
    internal static decimal Subsidy(RepaymentSchedule promotional, decimal cardRate) =>
        Subsidy(promotional.Terms, promotional.Totals.Interest, cardRate);

    /// <summary>The subsidy of a plan of <paramref name="terms"/> whose schedule's interest is <paramref name="promotionalInterest"/>; the schedule at the card rate is worked in a pooled buffer.</summary>
    internal static decimal Subsidy(LoanTerms terms, decimal promotionalInterest, decimal cardRate)
    {
        var atCard = terms with { AnnualRate = cardRate };
        var rows = ArrayPool<Installment>.Shared.Rent(Math.Max(1, atCard.TermMonths));
        try
        {
            ScheduleBuilder.BuildInto(atCard, rows);
            return RepaymentSchedule.Sum(rows.AsSpan(0, atCard.TermMonths)).Interest - promotionalInterest;
        }
        finally
        {
            ArrayPool<Installment>.Shared.Return(rows);
        }
    }
}
