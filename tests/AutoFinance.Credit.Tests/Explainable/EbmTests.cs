using System.Globalization;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Explainable;
using AutoFinance.Credit.Modelling;
using AutoFinance.Credit.Validation;

namespace AutoFinance.Credit.Tests.Explainable;

public sealed class EbmTests
{
    private static readonly Lazy<(CreditDataset Train, CreditDataset Test, EbmRecord Record)> German = new(() =>
    {
        var data = DatasetLoader.LoadFile(PublicData.German, new DatasetOptions { Target = "creditability", BadValue = "bad" }).Data;
        var (train, test) = Sampling.StratifiedSplit(data.Target, 0.3, 3);
        return (data.Select(train), data.Select(test), EbmTrainer.Train(data.Select(train), new EbmOptions { Seed = 3, Bags = 4 }));
    });

    [Fact]
    public void Term_contributions_sum_exactly_to_the_log_odds_of_every_held_out_row()
    {
        var (_, test, record) = German.Value;
        var model = new EbmModel(record);

        var logOdds = model.LogOdds(test);
        var pd = model.PredictPd(test);

        for (var row = 0; row < test.Rows; row++)
        {
            var contributions = model.Contributions(test, row);
            Assert.Equal(record.Terms.Count, contributions.Length);
            Assert.Equal(logOdds[row], record.Intercept + contributions.Sum(), 12);
            Assert.Equal(pd[row], LogisticRegression.Sigmoid(logOdds[row]), 15);
        }
    }

    [Fact]
    public void An_explanation_is_the_models_own_log_odds_to_the_last_bit_with_each_terms_bins_and_its_raising_terms_largest_first()
    {
        var (_, test, record) = German.Value;
        var model = new EbmModel(record);
        var logOdds = model.LogOdds(test);
        var pd = model.PredictPd(test);

        for (var row = 0; row < test.Rows; row++)
        {
            var explanation = model.Explain(test, row);

            Assert.Equal(logOdds[row], explanation.LogOdds);
            Assert.Equal(pd[row], explanation.Pd);
            Assert.Equal(model.Contributions(test, row), explanation.Terms.Select(t => t.LogOdds));
            var raising = explanation.Raising(4);
            Assert.Equal(raising.Select(t => t.LogOdds).OrderDescending(), raising.Select(t => t.LogOdds));
            Assert.All(raising, t => Assert.True(t.LogOdds > 0));
            Assert.Equal(Math.Min(4, explanation.Terms.Count(t => t.LogOdds > 0)), raising.Count);
        }
    }

    [Fact]
    public void Main_effects_and_the_strongest_pairs_separate_goods_from_bads_on_held_out_rows()
    {
        var (_, test, record) = German.Value;

        var auc = Metrics.Auc(new EbmModel(record).PredictPd(test), test.Target);

        Assert.InRange(auc, 0.74, 0.95);
        Assert.Equal(record.Features.Count, record.Terms.Count(t => !t.IsPair));
        Assert.InRange(record.Terms.Count(t => t.IsPair), 1, 5);
        Assert.True(record.MainRounds > 0);
    }

    [Fact]
    public void Each_term_averages_zero_over_the_training_rows_so_the_intercept_is_the_average_log_odds()
    {
        var (train, _, record) = German.Value;
        var model = new EbmModel(record);

        var average = Enumerable.Range(0, train.Rows).Select(r => model.Contributions(train, r)).Aggregate(
            new double[record.Terms.Count], (sum, c) => [.. sum.Zip(c, (a, b) => a + b)]);

        Assert.All(average, total => Assert.Equal(0, total / train.Rows, 9));
    }

    [Fact]
    public void The_same_seed_trains_the_same_machine()
    {
        var (train, _, record) = German.Value;

        var again = EbmTrainer.Train(train, new EbmOptions { Seed = 3, Bags = 4 });

        Assert.Equal(record.Intercept, again.Intercept);
        Assert.Equal(record.Terms.Select(t => t.Name), again.Terms.Select(t => t.Name));
        Assert.Equal(record.Terms.SelectMany(t => t.Scores), again.Terms.SelectMany(t => t.Scores));
    }

    [Fact]
    public void A_category_never_seen_in_training_adds_nothing_and_says_so_in_no_reason()
    {
        var (_, test, record) = German.Value;
        var purpose = (CategoricalColumn)test.Find("purpose")!;
        var columns = test.Columns.Select(c => c.Name == "purpose"
            ? new CategoricalColumn("purpose", [.. purpose.Codes.Select(_ => purpose.Levels.Count)], [.. purpose.Levels, "spaceship"])
            : c).ToArray();
        var edited = new CreditDataset(columns, test.Target);
        var model = new EbmModel(record);

        var contributions = model.Contributions(edited, 0);

        var purposeTerms = record.Terms.Select((t, i) => (t, i)).Where(p => p.t.FeatureIndexes.Any(f => record.Features[f].Name == "purpose"));
        Assert.All(purposeTerms, p => Assert.Equal(0, contributions[p.i]));
        Assert.DoesNotContain(model.Reasons(edited, 0), r => r.Term.Contains("purpose", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shape_table_has_the_intercept_and_every_cell_with_the_scores_the_model_adds()
    {
        var (_, _, record) = German.Value;

        var lines = EbmShapeTable.Write(record).TrimEnd('\n').Split('\n');

        Assert.Equal("term,bin,second_bin,log_odds", lines[0]);
        Assert.Equal(1 + 1 + record.Terms.Sum(t => t.Scores.Count), lines.Length);
        Assert.Equal(record.Intercept, double.Parse(lines[1].Split(',')[^1], CultureInfo.InvariantCulture));
        var duration = record.Terms.First(t => t.Name == "duration_in_month");
        var firstDurationLine = lines.First(l => l.StartsWith("duration_in_month,", StringComparison.Ordinal));
        Assert.Equal(duration.Scores[0], double.Parse(firstDurationLine.Split(',')[^1], CultureInfo.InvariantCulture));
        Assert.Contains("duration_in_month,missing,", firstDurationLine, StringComparison.Ordinal);
    }
}
