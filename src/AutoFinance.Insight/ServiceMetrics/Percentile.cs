namespace AutoFinance.Insight.ServiceMetrics;

/// <summary>Percentiles by linear interpolation between closest ranks.</summary>
/// <remarks>For sorted x₀ … xₙ₋₁ and q in [0, 1]: h = (n − 1)·q, value = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋) — the
/// definition of Excel's PERCENTILE.INC and numpy's default. An empty list has no percentile (null).</remarks>
public static class Percentile
{
    /// <summary>The q-th quantile (0.5 the median, 0.9 the 90th percentile).</summary>
    public static double? Of(IEnumerable<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var h = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(h);
        return low + 1 >= sorted.Length ? sorted[^1] : sorted[low] + ((h - low) * (sorted[low + 1] - sorted[low]));
    }
}
