using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Payoff;

/// <summary>A payoff quote, or the problem with the request for one.</summary>
public sealed record PayoffResult(PayoffQuote? Quote, FieldError? Error)
{
    public static PayoffResult Of(PayoffQuote quote) => new(quote, null);

    public static PayoffResult Invalid(FieldError error) => new(null, error);
}
