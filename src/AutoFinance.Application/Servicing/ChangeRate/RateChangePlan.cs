namespace AutoFinance.Application.Servicing.ChangeRate;

/// <summary>A rate change as it would be (or was) made: rates in percent, the date it applies from, the payment before and after.</summary>
public sealed record RateChangePlan(
    Guid LoanId, decimal PreviousRatePercent, decimal NewRatePercent, DateOnly EffectiveOn, decimal Principal, decimal PreviousPayment, decimal NewPayment, DateOnly Maturity, int Installments, string Reason);
