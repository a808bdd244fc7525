namespace AutoFinance.Credit.Benchmarking;

/// <summary>The mean of a figure over the seeds and its sample standard deviation (n − 1).</summary>
public readonly record struct MeanAndSpread(double Mean, double StdDev)
{
    public static MeanAndSpread Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new MeanAndSpread(double.NaN, double.NaN);
        }

        var mean = values.Average();
        var variance = values.Count < 2 ? 0 : values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return new MeanAndSpread(mean, Math.Sqrt(variance));
    }
}
