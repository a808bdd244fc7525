namespace AutoFinance.Credit.Tests.Challenger;

[Collection(ChallengerCollection.Name)]
public sealed class ChallengerExplainTests(ChallengerFixture fixture)
{
    [Fact]
    public void German_credit_reasons_are_at_most_four_source_columns_raising_pd_strongest_first()
    {
        CheckEveryTestRow(fixture.German, rows: fixture.German.Test.Rows);
    }

    [SkippableFact]
    public void Hmeq_reasons_are_at_most_four_source_columns_raising_pd_strongest_first()
    {
        CheckEveryTestRow(fixture.Hmeq, rows: 300);
    }

    [Fact]
    public void The_riskiest_test_applicant_has_reasons_and_fewer_can_be_asked_for()
    {
        var trained = fixture.German;
        var pd = trained.Challenger.Model.PredictPd(trained.Test);
        var riskiest = Array.IndexOf(pd, pd.Max());

        var four = trained.Challenger.Model.Explain(trained.Test, riskiest);
        var two = trained.Challenger.Model.Explain(trained.Test, riskiest, top: 2);

        Assert.NotEmpty(four);
        Assert.Equal(four.Take(2), two);
        Assert.Empty(trained.Challenger.Model.Explain(trained.Test, riskiest, top: 0));
    }

    [Fact]
    public void A_row_outside_the_data_is_refused()
    {
        var trained = fixture.German;
        Assert.Throws<ArgumentOutOfRangeException>(() => trained.Challenger.Model.Explain(trained.Test, trained.Test.Rows));
        Assert.Throws<ArgumentOutOfRangeException>(() => trained.Challenger.Model.Explain(trained.Test, -1));
    }

    private static void CheckEveryTestRow(TrainedOnPublicData trained, int rows)
    {
        var columns = trained.Test.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var withReasons = 0;
        for (var row = 0; row < rows; row++)
        {
            var reasons = trained.Challenger.Model.Explain(trained.Test, row);

            Assert.InRange(reasons.Count, 0, 4);
            Assert.All(reasons, r => Assert.Contains(r.Feature, columns));
            Assert.All(reasons, r => Assert.True(r.Contribution > 0, $"{r.Feature} {r.Contribution}"));
            Assert.Equal(reasons.Count, reasons.Select(r => r.Feature).Distinct().Count());
            Assert.Equal(reasons.OrderByDescending(r => r.Contribution), reasons);
            withReasons += reasons.Count > 0 ? 1 : 0;
        }

        Assert.True(withReasons > rows / 2, $"only {withReasons} of {rows} rows have a reason");
    }
}
