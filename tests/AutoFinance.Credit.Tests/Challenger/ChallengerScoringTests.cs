using AutoFinance.Credit.Challenger;
using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Tests.Challenger;

[Collection(ChallengerCollection.Name)]
public sealed class ChallengerScoringTests(ChallengerFixture fixture)
{
    [Fact]
    public void An_unseen_category_scores_like_a_missing_one_and_nothing_throws()
    {
        var trained = fixture.German;
        var model = trained.Challenger.Model;
        var purpose = (CategoricalColumn)trained.Test.Find("purpose")!;
        var unseen = DatasetEdits.Replace(trained.Test, DatasetEdits.WithUnseenLevel(purpose, 0, "space travel"));
        var missing = DatasetEdits.Replace(trained.Test, DatasetEdits.WithMissing(purpose, 0));

        var pdUnseen = model.PredictPd(unseen);
        var pdMissing = model.PredictPd(missing);

        Assert.Equal(pdMissing, pdUnseen);
        Assert.InRange(pdUnseen[0], 0.0, 1.0);
        Assert.InRange(model.Explain(unseen, 0).Count, 0, 4);
    }

    [Fact]
    public void A_row_with_every_value_missing_gets_a_pd_and_reasons()
    {
        var trained = fixture.German;
        var data = trained.Test;
        foreach (var column in data.Columns)
        {
            data = DatasetEdits.Replace(data, DatasetEdits.WithMissing(column, 0));
        }

        var pd = trained.Challenger.Model.PredictPd(data);

        Assert.All(pd, p => Assert.True(double.IsFinite(p) && p is > 0 and < 1));
        Assert.InRange(trained.Challenger.Model.Explain(data, 0).Count, 0, 4);
    }

    [Fact]
    public void A_column_the_model_needs_that_is_absent_is_named()
    {
        var trained = fixture.German;
        var data = DatasetEdits.Without(trained.Test, "duration_in_month");

        var error = Assert.Throws<CreditDataException>(() => trained.Challenger.Model.PredictPd(data));

        Assert.Contains("'duration_in_month'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_matched_by_name_whatever_their_order_and_extra_ones_are_ignored()
    {
        var trained = fixture.German;
        var extra = new NumericColumn("not_an_input", new double[trained.Test.Rows]);
        var shuffled = new CreditDataset([extra, .. trained.Test.Columns.Reverse()], trained.Test.Target);

        Assert.Equal(trained.Challenger.Model.PredictPd(trained.Test), trained.Challenger.Model.PredictPd(shuffled));
    }

    [Fact]
    public void Numeric_inputs_given_as_categories_are_read_through_their_text()
    {
        var trained = fixture.German;
        var asText = ChallengerFixture.LoadGerman(new HashSet<string>(StringComparer.Ordinal) { "duration_in_month", "age_in_years" });
        var (_, test) = TrainedOnPublicData.Split(asText);
        Assert.Equal(ColumnKind.Categorical, test.Find("duration_in_month")!.Kind);

        Assert.Equal(trained.Challenger.Model.PredictPd(trained.Test), trained.Challenger.Model.PredictPd(test));
    }

    [Fact]
    public void Categorical_inputs_given_as_numbers_find_their_level_by_value()
    {
        var categorical = new HashSet<string>(StringComparer.Ordinal) { "installment_rate_in_percentage_of_disposable_income", "number_of_existing_credits_at_this_bank" };
        var (train, test) = TrainedOnPublicData.Split(ChallengerFixture.LoadGerman(categorical));
        var model = GbdtChallenger.Train(train, new ChallengerOptions { EarlyStoppingRounds = 0, TreeCounts = [100], LearningRates = [0.05], Folds = 3 }).Model;
        var numeric = fixture.German.Test;
        Assert.Equal(ColumnKind.Numeric, numeric.Find("installment_rate_in_percentage_of_disposable_income")!.Kind);
        Assert.Contains(model.Features, f => f.Name == "installment_rate_in_percentage_of_disposable_income" && f.Kind == ColumnKind.Categorical);

        Assert.Equal(model.PredictPd(test), model.PredictPd(numeric));
    }

    [Fact]
    public void Invalid_options_are_refused_before_training()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            GbdtChallenger.Train(fixture.German.Train, new ChallengerOptions { Folds = 1, LearningRates = [] }));

        Assert.Contains("folds", error.Message, StringComparison.Ordinal);
        Assert.Contains("learning rates", error.Message, StringComparison.Ordinal);
    }
}
