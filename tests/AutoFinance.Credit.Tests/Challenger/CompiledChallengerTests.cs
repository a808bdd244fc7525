using AutoFinance.Credit.Challenger;
using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Tests.Challenger;

[Collection(ChallengerCollection.Name)]
public sealed class CompiledChallengerTests(ChallengerFixture fixture)
{
    [Fact]
    public void Compiled_trees_score_every_row_as_the_ML_NET_booster_does()
    {
        var model = fixture.German.Challenger.Model;
        Assert.True(model.IsCompiled);
        AssertSameRawScores(model, fixture.German.Test);
        AssertSameRawScores(model, fixture.German.Train);
    }

    [Fact]
    public void The_default_model_s_challenger_is_scored_by_its_compiled_trees()
    {
        var challenger = AutoFinance.Credit.Models.CreditModel.Load(PublicData.DefaultModel).Challenger;
        Assert.NotNull(challenger);
        Assert.True(challenger.IsCompiled);
    }

    [Fact]
    public void Missing_values_take_the_booster_s_default_branch_as_in_ML_NET()
    {
        // Every fifth value of every column is missing, in training and in scoring, so the trees learn default routes.
        var train = WithHoles(fixture.German.Train, every: 5);
        var test = WithHoles(fixture.German.Test, every: 3);
        var model = GbdtChallenger.Train(train, new ChallengerOptions()).Model;
        Assert.True(model.IsCompiled);
        AssertSameRawScores(model, test);
        var batch = model.PredictPd(test);
        for (var row = 0; row < test.Rows; row += 7)
        {
            Assert.Equal(batch[row], model.PredictOnePd(test.Select([row])), 1e-9);
        }
    }

    [Fact]
    public void An_applicant_set_by_name_scores_as_its_one_row_dataset()
    {
        var model = fixture.German.Challenger.Model;
        var test = WithHoles(fixture.German.Test, every: 4);
        var applicant = model.NewApplicant();
        for (var row = 0; row < test.Rows; row += 3)
        {
            applicant.Clear();
            foreach (var column in test.Columns)
            {
                switch (column)
                {
                    case NumericColumn numeric:
                        applicant.Set(column.Name, numeric.Values[row]);
                        break;
                    case CategoricalColumn categorical:
                        applicant.Set(column.Name, categorical.Codes[row] >= 0 ? categorical.Levels[categorical.Codes[row]] : null);
                        break;
                }
            }

            Assert.Equal(model.PredictOnePd(test.Select([row])), model.PredictOnePd(applicant), 1e-12);
        }
    }

    private static void AssertSameRawScores(ChallengerModel model, CreditDataset data)
    {
        var reference = model.RawScores(data);
        var compiled = model.CompiledRawScores(data)!;
        Assert.Equal(reference.Length, compiled.Length);
        for (var row = 0; row < reference.Length; row++)
        {
            Assert.Equal(reference[row], compiled[row], 1e-9);
        }
    }

    private static CreditDataset WithHoles(CreditDataset data, int every)
    {
        var columns = new List<DatasetColumn>();
        for (var c = 0; c < data.Columns.Count; c++)
        {
            var column = data.Columns[c];
            for (var row = c % every; row < data.Rows; row += every)
            {
                column = DatasetEdits.WithMissing(column, row);
            }

            columns.Add(column);
        }

        return new CreditDataset(columns, data.Target);
    }
}
