namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>
/// Month-on-month roll rates counted from a book's own history instead of assumed figures.
/// </summary>
/// <remarks>
/// The probability of <c>From → To</c> is the share of the moves out of <c>From</c> that ended in <c>To</c>, rounded
/// half away from zero to four decimals; the rounding remainder goes to the row's largest share, so each row adds up
/// to 1 exactly. A bucket with fewer than <c>minimumMoves</c> moves out of it keeps the assumed row of
/// <c>assumed</c>: a handful of accounts says too little about a bucket to rank a worklist by.
/// </remarks>
public static class RollRateEstimator
{
    /// <summary>Moves a bucket needs before its measured row replaces the assumed one.</summary>
    public const int DefaultMinimumMoves = 5;

    public static MeasuredRollRates Estimate(IEnumerable<BucketMove> moves, int months, RollRateMatrix assumed, int minimumMoves = DefaultMinimumMoves)
    {
        ArgumentNullException.ThrowIfNull(moves);
        ArgumentNullException.ThrowIfNull(assumed);
        var buckets = assumed.Buckets.All.Select(b => b.Name).ToList();
        var states = buckets.Append(RollRateMatrix.ChargedOff).ToList();
        var counts = moves
            .Where(m => buckets.Contains(m.From) && states.Contains(m.To))
            .GroupBy(m => m.From, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(m => m.To, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Count(), StringComparer.Ordinal), StringComparer.Ordinal);
        var rates = new List<RollRate>();
        var observations = new Dictionary<string, int>(StringComparer.Ordinal);
        var measured = new HashSet<string>(StringComparer.Ordinal);
        foreach (var from in buckets)
        {
            var row = counts.GetValueOrDefault(from);
            var total = row?.Values.Sum() ?? 0;
            observations[from] = total;
            if (row is null || total < minimumMoves)
            {
                rates.AddRange(states.Select(to => new RollRate(from, to, assumed.Probability(from, to))).Where(r => r.Probability > 0m));
                continue;
            }

            measured.Add(from);
            var shares = row.ToDictionary(p => p.Key, p => Math.Round((decimal)p.Value / total, 4, MidpointRounding.AwayFromZero), StringComparer.Ordinal);
            var largest = shares.OrderByDescending(p => p.Value).ThenBy(p => states.IndexOf(p.Key)).First().Key;
            shares[largest] += 1m - shares.Values.Sum();
            rates.AddRange(shares.Where(p => p.Value > 0m).Select(p => new RollRate(from, p.Key, p.Value)));
        }

        return new MeasuredRollRates(new RollRateMatrix(assumed.Buckets, rates), observations, measured, months);
    }
}
