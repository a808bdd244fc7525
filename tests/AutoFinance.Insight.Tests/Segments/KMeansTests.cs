using AutoFinance.Insight.Segments;

namespace AutoFinance.Insight.Tests.Segments;

public sealed class KMeansTests
{
    [Fact]
    public void Segment_assignment_is_stable_for_a_fixed_seed()
    {
        var rows = SegmentationData.ThreeBlobs();
        var first = KMeans.Fit(rows, 3, new KMeansOptions(Seed: 42));
        var second = KMeans.Fit(rows, 3, new KMeansOptions(Seed: 42));
        Assert.Equal(first.Assignments, second.Assignments);
        Assert.Equal(first.Inertia, second.Inertia);
        Assert.Equal(first.Centroids.SelectMany(c => c), second.Centroids.SelectMany(c => c));
    }

    [Fact]
    public void Separated_groups_are_recovered_whatever_the_seed()
    {
        var rows = SegmentationData.ThreeBlobs();
        foreach (var seed in new[] { 1, 2, 3, 99 })
        {
            var clustering = KMeans.Fit(rows, 3, new KMeansOptions(Seed: seed));
            for (var blob = 0; blob < 3; blob++)
            {
                Assert.Single(clustering.Assignments.Skip(blob * 30).Take(30).Distinct());
            }

            Assert.Equal(3, clustering.Assignments.Distinct().Count());
        }
    }

    [Fact]
    public void A_new_row_is_assigned_to_its_nearest_centroid()
    {
        var rows = SegmentationData.ThreeBlobs();
        var clustering = KMeans.Fit(rows, 3);
        Assert.Equal(clustering.Assignments[0], clustering.Assign([0.1, -0.1]));
        Assert.Equal(clustering.Assignments[45], clustering.Assign([8.2, 0.3]));
    }

    [Fact]
    public void Silhouette_of_two_pairs_by_hand()
    {
        // Points 0, 1 | 10, 11: for 0, a = 1 and b = (10 + 11) / 2 = 10.5; for 1, a = 1 and b = (9 + 10) / 2 = 9.5; symmetric for the others.
        double[][] rows = [[0], [1], [10], [11]];
        var scores = Silhouette.PerRow(rows, [0, 0, 1, 1]);
        Assert.Equal(9.5 / 10.5, scores[0], 12);
        Assert.Equal(8.5 / 9.5, scores[1], 12);
        Assert.Equal(8.5 / 9.5, scores[2], 12);
        Assert.Equal(9.5 / 10.5, scores[3], 12);
        Assert.Equal(((9.5 / 10.5) + (8.5 / 9.5)) / 2, Silhouette.Mean(rows, [0, 0, 1, 1]), 12);
    }

    [Fact]
    public void Silhouette_of_a_singleton_is_zero_and_a_bad_split_is_negative()
    {
        double[][] rows = [[0], [1], [10]];
        Assert.Equal(0, Silhouette.PerRow(rows, [0, 0, 1])[2]);
        // {0, 10} and {1}: point 0 sits 10 from its partner but 1 from the other cluster.
        Assert.True(Silhouette.PerRow(rows, [0, 1, 0])[0] < 0);
    }

    [Fact]
    public void Number_of_segments_is_chosen_by_mean_silhouette_and_every_k_is_reported()
    {
        var choice = SegmentCountChoice.Choose(SegmentationData.ThreeBlobs(), 2, 5);
        Assert.Equal(3, choice.BestK);
        Assert.Equal([2, 3, 4, 5], choice.Scores.Select(s => s.K));
        Assert.Equal(choice.Scores.Max(s => s.MeanSilhouette), choice.Scores.Single(s => s.K == 3).MeanSilhouette);
        Assert.True(choice.Scores.Single(s => s.K == 3).MeanSilhouette > 0.8);
    }
}
