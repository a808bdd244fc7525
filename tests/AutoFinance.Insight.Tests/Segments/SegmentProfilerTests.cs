using AutoFinance.Insight.Features;
using AutoFinance.Insight.Segments;

namespace AutoFinance.Insight.Tests.Segments;

public sealed class SegmentProfilerTests
{
    private static CustomerBehaviour Customer(int i, decimal financed, double daysEarly, int missed) =>
        new($"C{i}", financed, 1, 24, daysEarly, missed, 4);

    [Fact]
    public void Segments_are_named_after_what_sets_them_apart()
    {
        var random = new Random(5);
        var customers = Enumerable.Range(0, 40).Select(i => Customer(i, 400_000 + random.Next(20_000), 6 + random.NextDouble(), i % 2))
            .Concat(Enumerable.Range(40, 40).Select(i => Customer(i, 90_000 + random.Next(20_000), -8 - random.NextDouble(), i % 2)))
            .ToArray();
        var raw = customers.Select(c => c.ToVector()).ToArray();
        var scaling = StandardScaling.Fit(CustomerBehaviour.FeatureNames, raw);
        var clustering = KMeans.Fit(scaling.Transform(raw), 2);
        var profiles = SegmentProfiler.Describe(raw, clustering, scaling, SegmentFeature.CustomerBehaviour);

        var premium = profiles.Single(p => p.Segment == clustering.Assignments[0]);
        var strained = profiles.Single(p => p.Segment == clustering.Assignments[79]);
        Assert.Equal(40, premium.Size);
        Assert.Equal(0.5, premium.Share);
        Assert.Equal("high value, early payers", premium.Name);
        Assert.Equal("low value, late payers", strained.Name);
        var financed = premium.Features.Single(f => f.Feature == "totalFinanced");
        Assert.True(financed.SegmentMean > 400_000 && financed.OverallMean < financed.SegmentMean);
    }

    [Fact]
    public void A_segment_close_to_the_average_is_called_average()
    {
        SegmentFeatureProfile[] features = [new("totalFinanced", 100, 100, 0.2), new("averageDaysEarly", 1, 1, -0.4)];
        Assert.Equal("average customers", SegmentProfiler.Name(features, SegmentFeature.CustomerBehaviour));
    }
}
