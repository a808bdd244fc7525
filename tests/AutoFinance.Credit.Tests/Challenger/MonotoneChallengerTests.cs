using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Challenger;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;

namespace AutoFinance.Credit.Tests.Challenger;

[Collection(ChallengerCollection.Name)]
public sealed class MonotoneChallengerTests(ChallengerFixture fixture)
{
    private static readonly ChallengerOptions Quick = new() { Folds = 3, SmallDataShapes = [new(16, 20, 1)], LearningRates = [0.1] };

    [Theory]
    [InlineData("duration_in_month", MonotoneDirection.Increasing)]
    [InlineData("credit_amount", MonotoneDirection.Increasing)]
    [InlineData("age_in_years", MonotoneDirection.Decreasing)]
    public void A_constrained_input_moves_the_average_pd_only_in_its_direction_over_every_value_it_takes(string column, MonotoneDirection direction)
    {
        var train = fixture.German.Train;
        var options = Quick with
        {
            Monotone = new Dictionary<string, MonotoneDirection>(StringComparer.Ordinal)
            {
                ["duration_in_month"] = MonotoneDirection.Increasing,
                ["credit_amount"] = MonotoneDirection.Increasing,
                ["age_in_years"] = MonotoneDirection.Decreasing,
            },
        };

        var trained = GbdtChallenger.Train(train, options);

        var dependence = PartialDependence(trained.Model, train, column);
        var sign = direction == MonotoneDirection.Increasing ? 1 : -1;
        Assert.All(dependence.Zip(dependence.Skip(1)), step => Assert.True(sign * (step.Second - step.First) >= -1e-12, $"{column}: {step.First} then {step.Second}"));
        Assert.True(sign * (dependence[^1] - dependence[0]) > 0, $"{column} has no effect at all");
        Assert.Equal(direction, trained.Record.Monotone![column]);
    }

    [Fact]
    public void Without_a_constraint_the_same_input_may_turn_back()
    {
        var unconstrained = GbdtChallenger.Train(fixture.German.Train, Quick);

        var dependence = PartialDependence(unconstrained.Model, fixture.German.Train, "credit_amount");

        Assert.Contains(dependence.Zip(dependence.Skip(1)), step => step.Second < step.First - 1e-9);
        Assert.Null(unconstrained.Record.Monotone);
    }

    [Fact]
    public void Directions_follow_the_scorecards_ascending_and_descending_bins_and_leave_peaks_and_categories_free()
    {
        var characteristics = new[]
        {
            Characteristic("duration_in_month", ColumnKind.Numeric, MonotonicTrend.Ascending),
            Characteristic("age_in_years", ColumnKind.Numeric, MonotonicTrend.Descending),
            Characteristic("credit_amount", ColumnKind.Numeric, MonotonicTrend.Valley),
            Characteristic("purpose", ColumnKind.Categorical, MonotonicTrend.Ascending),
        };

        var directions = MonotoneConstraints.FromTrends(characteristics);

        Assert.Equal(2, directions.Count);
        Assert.Equal(MonotoneDirection.Increasing, directions["duration_in_month"]);
        Assert.Equal(MonotoneDirection.Decreasing, directions["age_in_years"]);
    }

    [Fact]
    public void Training_with_constraints_from_the_scorecard_holds_the_challenger_to_each_kept_numeric_trend()
    {
        var loaded = DatasetLoader.LoadFile(PublicData.German, new DatasetOptions { Target = "creditability", BadValue = "bad" });
        var options = new TrainingOptions
        {
            Folds = 0,
            Tuning = null,
            Target = new("creditability", "bad"),
            Challenger = Quick,
            ChallengerMonotoneFromTrends = true,
        };

        var document = ScorecardTrainer.Train(loaded, options, TimeProvider.System).Document;

        var expected = MonotoneConstraints.FromTrends(document.Characteristics);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), document.Challenger!.Monotone!.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    /// <summary>The mean pd over the sample with the column set to each of 40 quantiles of its values in turn, lowest first.</summary>
    private static double[] PartialDependence(ChallengerModel model, CreditDataset sample, string column)
    {
        var sorted = ((NumericColumn)sample.Find(column)!).Values.Where(v => !double.IsNaN(v)).Order().ToArray();
        var values = Enumerable.Range(0, 40).Select(q => sorted[(sorted.Length - 1) * q / 39]).Distinct();
        return [.. values.Select(v => model.PredictPd(DatasetEdits.Replace(sample, new NumericColumn(column, Enumerable.Repeat(v, sample.Rows).ToArray()))).Average())];
    }

    private static Artefacts.Characteristic Characteristic(string name, ColumnKind kind, MonotonicTrend trend) => new()
    {
        Name = name,
        Description = name,
        Kind = kind,
        Coefficient = 1,
        Iv = 0.1,
        Trend = trend,
        NeutralPoints = 0,
        Bins = [],
    };
}
