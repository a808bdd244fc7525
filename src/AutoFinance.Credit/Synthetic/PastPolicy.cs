namespace AutoFinance.Credit.Synthetic;

/// <summary>
/// An older, cruder approval policy for the SYNTHETIC history, so reject inference can be studied where the truth is
/// known: it ranked applicants by the bureau score less 40 points per past delinquency and 150 per unit of
/// debt-to-income, with noise for what its underwriters saw and the data does not hold, and rejected the lowest
/// share. Its rejects have outcomes in the generator, which a real lender never sees.
/// </summary>
public static class PastPolicy
{
    public static bool[] Accepted(IReadOnlyList<CarLoanHistoryGenerator.Row> rows, double rejectRate, int seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(rejectRate, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rejectRate, 1);
        var noise = new Random(seed);
        var scores = rows.Select(r => r.BureauScore - (40.0 * r.Delinquencies24m) - (150 * r.DebtToIncome) + (30 * CarLoanHistoryGenerator.Gaussian(noise))).ToArray();
        var cutoff = scores.Order().ElementAt((int)(scores.Length * rejectRate));
        return [.. scores.Select(s => s >= cutoff)];
    }
}
