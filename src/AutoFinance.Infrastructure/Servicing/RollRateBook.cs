using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Collections;
using AutoFinance.Infrastructure.Persistence;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// The measured roll rates, kept for the month they were measured in: the history counts whole months only, so they
/// change when a month ends, and the worklist does not read the book's whole payment history on every request.
/// </summary>
public sealed class RollRateBook
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (DateOnly Month, MeasuredRollRates Rates)? kept;

    public async Task<MeasuredRollRates> CurrentAsync(AutoFinanceDbContext db, DateOnly today, CancellationToken ct)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        if (kept is { } k && k.Month == month)
        {
            return k.Rates;
        }

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (kept is { } again && again.Month == month)
            {
                return again.Rates;
            }

            var rates = await RollRateHistory.MeasureAsync(db, today, DelinquencyBuckets.Default, RollRateMatrix.Default, ct).ConfigureAwait(false);
            kept = (month, rates);
            return rates;
        }
        finally
        {
            gate.Release();
        }
    }
}
