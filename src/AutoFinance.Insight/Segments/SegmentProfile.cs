namespace AutoFinance.Insight.Segments;

/// <summary>One feature of a segment: its mean in raw units beside the overall mean, and how far in standard deviations.</summary>
public sealed record SegmentFeatureProfile(string Feature, double SegmentMean, double OverallMean, double ZDifference);

/// <summary>A readable segment: size, share, a generated name and every feature's mean against the overall mean.</summary>
public sealed record SegmentProfile(int Segment, string Name, int Size, double Share, IReadOnlyList<SegmentFeatureProfile> Features);
