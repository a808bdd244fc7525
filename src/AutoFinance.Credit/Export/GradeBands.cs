using AutoFinance.Credit.Artefacts;

namespace AutoFinance.Credit.Export;

/// <summary>A grade given to scores from <see cref="Lower"/> (inclusive) to <see cref="Upper"/> (exclusive; null = no bound).</summary>
internal sealed record GradeBand(string Grade, double Lower, double? Upper);

/// <summary>
/// The grades as the engine assigns them: tried from the highest lower bound down, the first a score reaches wins, and
/// a score that reaches none takes the last grade (<see cref="Otherwise"/>, null only when there are no grades).
/// </summary>
internal sealed record GradeBands(IReadOnlyList<GradeBand> Bands, string? Otherwise)
{
    public static GradeBands Of(IReadOnlyList<RiskGrade> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var ordered = grades.OrderByDescending(g => g.MinScore ?? double.NegativeInfinity).ToArray();
        var bands = new List<GradeBand>();
        double? upper = null;
        for (var g = 0; g < ordered.Length; g++)
        {
            if (ordered[g].MinScore is not { } lower || g == ordered.Length - 1)
            {
                return new GradeBands(bands, ordered[g].Grade);
            }

            if (upper is null || lower < upper)
            {
                bands.Add(new GradeBand(ordered[g].Grade, lower, upper));
                upper = lower;
            }
        }

        return new GradeBands(bands, null);
    }
}
