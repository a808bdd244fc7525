namespace AutoFinance.Credit.Synthetic;

/// <summary>
/// An older, cruder approval policy for the SYNTHETIC history, so reject inference can be studied where the truth is
/// known: it ranked applicants by a crude points count from the credit report (40 points off per level of the worst
/// status in 24 months, 15 per loan inquiry in six months, 30 for a thin file or no hit) less 100 per unit of
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
        var scores = rows.Select(r => 700 - (40.0 * (r.Bureau?.WorstStatus24m ?? 0)) - (15.0 * (r.Bureau?.LoanInquiries6m ?? 0)) - (r.BureauFile == "full" ? 0 : 30) - (100 * r.DebtToIncome) + (40 * CarLoanHistoryGenerator.Gaussian(noise))).ToArray();
        var cutoff = scores.Order().ElementAt((int)(scores.Length * rejectRate));
        return [.. scores.Select(s => s >= cutoff)];
    }
}
