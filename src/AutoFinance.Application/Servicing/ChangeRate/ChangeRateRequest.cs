namespace AutoFinance.Application.Servicing.ChangeRate;

/// <summary>
/// A new rate asked for a loan: the annual rate in percent (3.6 for 3.6%), the due date it applies from (the start of
/// the running period when left out) and why.
/// </summary>
public sealed record ChangeRateRequest(decimal? AnnualRatePercent, DateOnly? EffectiveOn, string? Reason);
