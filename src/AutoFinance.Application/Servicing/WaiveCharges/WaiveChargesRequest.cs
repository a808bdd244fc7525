namespace AutoFinance.Application.Servicing.WaiveCharges;

/// <summary>
/// Late charges to waive on a loan: an amount of the penalty interest and late fees owed (all of them when left out)
/// and why.
/// </summary>
public sealed record WaiveChargesRequest(decimal? Amount, string? Reason);
