namespace AutoFinance.Credit.Tests.Challenger;

[Collection(ChallengerCollection.Name)]
public sealed class ChallengerSingleRowTests(ChallengerFixture fixture)
{
    [Fact]
    public void One_application_scores_exactly_as_in_a_batch()
    {
        var model = fixture.German.Challenger.Model;
        var test = fixture.German.Test;
        var batch = model.PredictPd(test);

        for (var row = 0; row < test.Rows; row += 17)
        {
            Assert.Equal(batch[row], model.PredictOnePd(test.Select([row])), 12);
        }
    }
}
