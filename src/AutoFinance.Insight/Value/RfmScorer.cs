namespace AutoFinance.Insight.Value;

/// <summary>Recency, frequency and monetary quintile scores over a population.</summary>
/// <remarks>
/// Rule, for each dimension separately: with n customers, let w be the number of customers strictly worse than this
/// one; the score is 1 + ⌊5·w / n⌋, which lies in 1 … 5. Worse means a larger <see cref="RfmInput.DaysSinceLastActivity"/>, fewer
/// <see cref="RfmInput.Transactions"/> and a smaller <see cref="RfmInput.Monetary"/>.
/// <para>Ties: equal values always share one score, the score of the first position of their tie group (the lower
/// one), so a tie never splits across quintiles and never lifts a customer; quintiles may then hold unequal counts.
/// With ten distinct values the scores are 1,1,2,2,3,3,4,4,5,5.</para>
/// </remarks>
public static class RfmScorer
{
    /// <summary>Scores every customer against the others in the list.</summary>
    public static IReadOnlyList<RfmScore> Score(IReadOnlyList<RfmInput> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var recency = Quintiles(customers.Select(c => -(decimal)c.DaysSinceLastActivity).ToArray());
        var frequency = Quintiles(customers.Select(c => (decimal)c.Transactions).ToArray());
        var monetary = Quintiles(customers.Select(c => c.Monetary).ToArray());
        return customers.Select((c, i) => new RfmScore(c.CustomerId, recency[i], frequency[i], monetary[i])).ToArray();
    }

    /// <summary>1 + ⌊5·(count of strictly smaller values) / n⌋ for each value, larger being better.</summary>
    internal static int[] Quintiles(decimal[] values)
    {
        var sorted = values.Order().ToArray();
        var n = values.Length;
        return values.Select(v => 1 + (5 * LowerBound(sorted, v) / n)).ToArray();
    }

    private static int LowerBound(decimal[] sorted, decimal value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
