using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;

namespace AutoFinance.Credit.Tests.Scorecards;

public sealed class ScorecardScoringTests
{
    [Fact]
    public void Default_scaling_gives_600_points_at_50_to_1_and_20_points_per_doubling()
    {
        var scaling = new ScoreScaling();

        Assert.Equal(28.853901, scaling.Factor, 6);
        Assert.Equal(487.122876, scaling.Offset, 6);
        Assert.Equal(600, scaling.ScoreOfPd(1.0 / 51), 9);
        Assert.Equal(620, scaling.ScoreOfPd(1.0 / 101), 9);
        Assert.Equal(1.0 / 26, scaling.PdOfScore(580), 12);
    }

    [Fact]
    public void Points_per_bin_follow_coefficient_woe_and_intercept()
    {
        // logit P(bad) = -1 + (-0.8)·WoE over two characteristics' share of the base:
        // points = (Offset - Factor·(-1)) / 2 - Factor·(-0.8)·WoE
        var data = TestData.Grouped((1, 40, 10), (2, 30, 20), (3, 10, 30));
        var scaling = new ScoreScaling { PointsDecimals = 4 };
        var fitted = ScorecardFitter.Fit(data, new TrainingOptions { Scaling = scaling, L2Penalty = 0, Binning = new BinningOptions { MinBinShare = 0.01 } }, [], new HashSet<string>());
        var characteristic = Assert.Single(fitted.Characteristics);
        var basePoints = scaling.Offset - (scaling.Factor * fitted.Intercept);

        foreach (var bin in characteristic.Bins)
        {
            Assert.Equal(Math.Round(basePoints - (scaling.Factor * characteristic.Coefficient * bin.Woe), 4), bin.Points, 9);
        }

        // One characteristic on its own WoE fits exactly: coefficient -1, intercept ln(60/80).
        Assert.Equal(-1, characteristic.Coefficient, 6);
        Assert.Equal(Math.Log(60.0 / 80), fitted.Intercept, 6);
        Assert.Equal(Math.Round(basePoints, 4), characteristic.NeutralPoints, 9);
    }

    [Fact]
    public void Score_is_the_sum_of_points_and_pd_follows_the_scaling()
    {
        var scorecard = Scorecard.From(HandMade.Document());
        var applicant = scorecard.NewApplicant();
        applicant.Set("age", 30);
        applicant.Set("income", 5000);
        applicant.Set("home", "rent");
        applicant.Set("term", 60);
        applicant.Set("employment", "salaried");
        Span<Reason> reasons = stackalloc Reason[4];

        var result = scorecard.Score(applicant, reasons);

        Assert.Equal(20 + 40 + 10 + 5 + 50, result.Score);
        Assert.Equal(new ScoreScaling().PdOfScore(125), result.Pd, 12);
        Assert.Equal(0, result.NeutralCount);
    }

    [Fact]
    public void Reasons_are_the_four_largest_shortfalls_worst_first()
    {
        var scorecard = Scorecard.From(HandMade.Document());
        var applicant = scorecard.NewApplicant();
        applicant.Set("age", 30);          // 20 of 60: 40 short
        applicant.Set("income", 5000);     // 40 of 70: 30 short
        applicant.Set("home", "rent");     // 10 of 40: 30 short (ties keep characteristic order)
        applicant.Set("term", 60);         // 5 of 30: 25 short
        applicant.Set("employment", "salaried"); // 50 of 50: not a reason
        Span<Reason> reasons = stackalloc Reason[4];

        var result = scorecard.Score(applicant, reasons);

        Assert.Equal(4, result.ReasonCount);
        Assert.Equal(["age", "income", "home", "term"], reasons.ToArray().Select(r => scorecard.Characteristics[r.Characteristic].Name));
        Assert.Equal([40.0, 30, 30, 25], reasons.ToArray().Select(r => r.PointsBelowMax));
        Assert.Equal("age: 25 to under 40", scorecard.ReasonText(reasons[0]));
        Assert.Equal("home: rent", scorecard.ReasonText(reasons[2]));
    }

    [Fact]
    public void The_best_applicant_gets_no_reasons()
    {
        var scorecard = Scorecard.From(HandMade.Document());
        var applicant = scorecard.NewApplicant();
        applicant.Set("age", 50);
        applicant.Set("income", 20000);
        applicant.Set("home", "own");
        applicant.Set("term", 24);
        applicant.Set("employment", "salaried");
        Span<Reason> reasons = stackalloc Reason[4];

        var result = scorecard.Score(applicant, reasons);

        Assert.Equal(0, result.ReasonCount);
        Assert.Equal(60 + 70 + 40 + 30 + 50, result.Score);
    }

    [Fact]
    public void Unseen_category_out_of_range_and_unexpected_missing_score_neutral_and_are_flagged()
    {
        var scorecard = Scorecard.From(HandMade.Document());
        var applicant = scorecard.NewApplicant();
        applicant.Set("age", 130);                 // above the training maximum of 80
        applicant.Set("income", "not a number");
        applicant.Set("home", "houseboat");        // never seen
        applicant.Set("term", double.NaN);         // training had no missing term
        applicant.Set("employment", "salaried");
        Span<Reason> reasons = stackalloc Reason[4];

        var result = scorecard.Score(applicant, reasons);

        Assert.Equal(4, result.NeutralCount);
        Assert.Equal(35 + 35 + 35 + 35 + 50, result.Score);
        Assert.Equal([MatchNote.OutOfRange, MatchNote.NotANumber, MatchNote.UnseenCategory, MatchNote.MissingNotSeen, MatchNote.None], applicant.Matches.ToArray().Select(m => m.Note));
        Assert.Contains(reasons[..result.ReasonCount].ToArray(), r => scorecard.ReasonText(r) == "home: a value the model was not built on");
    }

    [Fact]
    public void Grades_follow_score_bands_best_first()
    {
        var scorecard = Scorecard.From(HandMade.Document());
        var bands = HandMade.Document().Grades;

        Assert.Equal("A", scorecard.Grades[scorecard.GradeIndexOf(bands[0].MinScore!.Value)]);
        Assert.Equal("B", scorecard.Grades[scorecard.GradeIndexOf(bands[0].MinScore!.Value - 0.01)]);
        Assert.Equal("G", scorecard.Grades[scorecard.GradeIndexOf(-1000)]);
    }

    [Fact]
    public void A_document_survives_a_json_round_trip_and_scores_the_same()
    {
        var document = HandMade.Document();
        var copy = ModelJson.Deserialize(ModelJson.Serialize(document));
        var a = Scorecard.From(document);
        var b = Scorecard.From(copy);
        var applicant = a.NewApplicant();
        var other = b.NewApplicant();
        foreach (var (name, value) in new (string, string)[] { ("age", "31"), ("income", "7000"), ("home", "own"), ("term", "48"), ("employment", "none") })
        {
            applicant.Set(name, value);
            other.Set(name, value);
        }

        Span<Reason> reasons = stackalloc Reason[4];
        Assert.Equal(a.Score(applicant, reasons), b.Score(other, reasons));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused_in_one_line()
    {
        var error = Assert.Throws<CreditDataException>(() => ModelJson.Deserialize("{\"hello\": 1}"));
        Assert.Contains("not a model document", error.Message, StringComparison.Ordinal);
    }
}
