namespace AutoFinance.Insight.Experiments;

/// <summary>What one variant observed: subjects exposed and how many converted.</summary>
public sealed record ProportionSample(long Subjects, long Conversions)
{
    /// <summary>Conversions over subjects (0 with no subjects).</summary>
    public double Rate => Subjects == 0 ? 0 : (double)Conversions / Subjects;
}
