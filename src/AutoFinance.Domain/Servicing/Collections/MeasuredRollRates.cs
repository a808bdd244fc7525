namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>Roll rates as measured from a book's history: the matrix, and for each bucket how many moves it rests on.</summary>
/// <param name="Matrix">Measured rows where a bucket had enough moves, the assumed rows elsewhere.</param>
/// <param name="Observations">Moves seen out of each bucket.</param>
/// <param name="Measured">The buckets whose row was measured (the rest are assumed).</param>
/// <param name="Months">Month-to-month steps the history covered.</param>
public sealed record MeasuredRollRates(RollRateMatrix Matrix, IReadOnlyDictionary<string, int> Observations, IReadOnlySet<string> Measured, int Months);
