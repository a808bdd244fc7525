using AutoFinance.Insight.Features;

namespace AutoFinance.Insight.Segments;

/// <summary>Describes clusters in the business's words.</summary>
/// <remarks>
/// Naming rule: the features whose segment mean lies at least <see cref="Threshold"/> standard deviations from the
/// overall mean, the largest distances first, at most <see cref="MaxLabels"/> of them, each read as its high or low
/// label ("high value, early payers"); a segment with none is "average customers". Equal distances keep feature order.
/// </remarks>
public static class SegmentProfiler
{
    /// <summary>Standard deviations from the overall mean that make a feature part of the name.</summary>
    public const double Threshold = 0.5;

    /// <summary>Labels in a name at most.</summary>
    public const int MaxLabels = 2;

    /// <summary>Profiles every cluster of the raw rows.</summary>
    public static IReadOnlyList<SegmentProfile> Describe(
        IReadOnlyList<double[]> rawRows, Clustering clustering, StandardScaling scaling, IReadOnlyList<SegmentFeature> labels)
    {
        ArgumentNullException.ThrowIfNull(rawRows);
        ArgumentNullException.ThrowIfNull(clustering);
        ArgumentNullException.ThrowIfNull(scaling);
        ArgumentNullException.ThrowIfNull(labels);
        var width = scaling.FeatureNames.Count;
        var profiles = new List<SegmentProfile>();
        for (var c = 0; c < clustering.K; c++)
        {
            var members = rawRows.Where((_, i) => clustering.Assignments[i] == c).ToArray();
            var features = new List<SegmentFeatureProfile>();
            for (var j = 0; j < width; j++)
            {
                var mean = members.Length == 0 ? scaling.Means[j] : members.Average(r => r[j]);
                var sd = scaling.StandardDeviations[j];
                var z = sd == 0 ? 0 : (mean - scaling.Means[j]) / sd;
                features.Add(new SegmentFeatureProfile(scaling.FeatureNames[j], mean, scaling.Means[j], z));
            }

            profiles.Add(new SegmentProfile(c, Name(features, labels), members.Length, (double)members.Length / rawRows.Count, features));
        }

        return profiles;
    }

    /// <summary>The generated name of a segment from its feature profile.</summary>
    public static string Name(IReadOnlyList<SegmentFeatureProfile> features, IReadOnlyList<SegmentFeature> labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        var words = features
            .Select((f, order) => (f, order, label: labels.FirstOrDefault(l => l.Name == f.Feature)))
            .Where(x => x.label is not null && Math.Abs(x.f.ZDifference) >= Threshold)
            .OrderByDescending(x => Math.Abs(x.f.ZDifference))
            .ThenBy(x => x.order)
            .Take(MaxLabels)
            .Select(x => x.f.ZDifference > 0 ? x.label!.HighLabel : x.label!.LowLabel)
            .ToArray();
        return words.Length == 0 ? "average customers" : string.Join(", ", words);
    }
}
