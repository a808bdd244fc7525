using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Origination;

/// <summary>
/// What a candidate plan changes of the request it varies (term, method, down payment, balloon): the offer builder
/// checks, prices and schedules a dozen of these per decision, so they are values rather than copies of the request.
/// </summary>
internal readonly record struct PlanVariation(int TermMonths, RepaymentMethod Method, decimal DownPayment, decimal BalloonFraction)
{
    /// <summary>The requested plan itself.</summary>
    public static PlanVariation Of(FinancingRequest request) => new(request.TermMonths, request.Method, request.DownPayment, request.BalloonFraction);
}
