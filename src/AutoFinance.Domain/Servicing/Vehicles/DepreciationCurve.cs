namespace AutoFinance.Domain.Servicing.Vehicles;

/// <summary>
/// The share of its price new a vehicle keeps with age: straight lines between the points, flat after the last one.
/// </summary>
/// <remarks>
/// The points start at age 0 with retention 1, are in strictly increasing age and never rise. Between two points the
/// retention is interpolated linearly by whole months and rounded to four decimals, half away from zero
/// (half-way between 0.80 at 12 months and 0.70 at 24 months, 18 months keeps 0.75).
/// </remarks>
public sealed class DepreciationCurve
{
    private readonly DepreciationPoint[] points;

    public DepreciationCurve(IEnumerable<DepreciationPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var copy = points.ToArray();
        if (copy.Length == 0 || copy[0] != new DepreciationPoint(0, 1m))
        {
            throw new ArgumentException("A curve starts at age 0 with retention 1.", nameof(points));
        }

        for (var i = 1; i < copy.Length; i++)
        {
            if (copy[i].AgeMonths <= copy[i - 1].AgeMonths || copy[i].Retention > copy[i - 1].Retention || copy[i].Retention < 0m)
            {
                throw new ArgumentException($"Point {i} ({copy[i].AgeMonths} months, {copy[i].Retention}) must be older than the one before and keep no more of the value, nor less than nothing.", nameof(points));
            }
        }

        this.points = copy;
    }

    /// <summary>Builds a curve from (months, retention) pairs.</summary>
    public static DepreciationCurve Of(params (int AgeMonths, decimal Retention)[] points) =>
        new(points.Select(p => new DepreciationPoint(p.AgeMonths, p.Retention)));

    public IReadOnlyList<DepreciationPoint> Points => points;

    /// <summary>The retention at <paramref name="ageMonths"/> whole months of age.</summary>
    public decimal RetentionAt(int ageMonths)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ageMonths);
        for (var i = 1; i < points.Length; i++)
        {
            var (before, after) = (points[i - 1], points[i]);
            if (ageMonths <= after.AgeMonths)
            {
                var share = (decimal)(ageMonths - before.AgeMonths) / (after.AgeMonths - before.AgeMonths);
                return Math.Round(before.Retention + ((after.Retention - before.Retention) * share), 4, MidpointRounding.AwayFromZero);
            }
        }

        return points[^1].Retention;
    }
}
