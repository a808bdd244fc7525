using AutoFinance.Application.Common;
using AutoFinance.Domain.Disclosure;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>
/// An offer's rows and its disclosure. The disclosure is rebuilt from the stored terms by the same exact,
/// deterministic engine that priced the offer, so it is the document that was offered; its SHA-256 is fixed in the
/// contract at acceptance.
/// </summary>
public static class OfferDisclosure
{
    public static OfferRow ToRow(Guid offerId, Guid applicationId, LoanOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var terms = offer.Schedule.Terms;
        return new OfferRow
        {
            Id = offerId,
            ApplicationId = applicationId,
            Rank = offer.Rank,
            TermMonths = offer.TermMonths,
            Method = offer.Method.ToName(),
            DownPayment = offer.DownPayment,
            Principal = offer.Principal,
            AnnualRate = offer.AnnualRate,
            CardRate = offer.CardRate,
            PromotionName = offer.PromotionName,
            Subsidy = offer.Subsidy,
            FirstPayment = offer.FirstPayment,
            MaxPayment = offer.MaxPayment,
            TotalInterest = offer.TotalInterest,
            TotalFees = offer.TotalFees,
            TotalRepayable = offer.TotalRepayable,
            AprPercent = Math.Round(offer.AprPercent, Persistence.AutoFinanceDbContext.RateScale),
            IsRequestedPlan = offer.IsRequestedPlan,
            BalloonFraction = terms.BalloonFraction,
            StartDate = terms.StartDate,
            Currency = terms.Currency.Code,
        };
    }

    public static LoanDisclosure Build(OfferRow row) => DisclosureBuilder.Build(Schedule(row));

    /// <summary>The offer's schedule, rebuilt from its stored terms.</summary>
    public static RepaymentSchedule Schedule(OfferRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var terms = new LoanTerms
        {
            Principal = row.Principal,
            AnnualRate = row.AnnualRate,
            TermMonths = row.TermMonths,
            Method = RepaymentMethodNames.Parse(row.Method) ?? throw new InvalidOperationException($"offer {row.Id} has an unknown method {row.Method}"),
            StartDate = row.StartDate,
            BalloonFraction = row.BalloonFraction,
            Currency = Currency.FromCode(row.Currency),
        };
        return ScheduleBuilder.Build(terms);
    }

    public static (string Json, string Hash) Document(OfferRow row)
    {
        var json = Json.Serialize(Build(row));
        return (json, Json.Sha256(json));
    }
}
