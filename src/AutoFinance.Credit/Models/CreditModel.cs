using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Challenger;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;

namespace AutoFinance.Credit.Models;

/// <summary>
/// A model as the platform uses it: the scorecard document, its compiled scorecard and, when its file is beside the
/// document, the challenger, and the explainable boosting machine when the document holds one. <see cref="Score"/>
/// scores with whichever the document names as champion; the challenger is the one it names (the gradient-boosting
/// model by default, or the explainable boosting machine).
/// </summary>
public sealed class CreditModel
{
    private CreditModel(ScorecardDocument document, ChallengerModel? challenger)
    {
        Document = document;
        Scorecard = Scorecard.From(document);
        Challenger = challenger;
        Ebm = document.Ebm is { } ebm ? new Explainable.EbmModel(ebm) : null;
    }

    public ScorecardDocument Document { get; }

    public Scorecard Scorecard { get; }

    public ChallengerModel? Challenger { get; }

    public bool GbdtScores => Document.Kind == "gbdt";

    /// <summary>The explainable boosting machine, when the document holds one.</summary>
    public Explainable.EbmModel? Ebm { get; }

    public bool EbmScores => Document.Kind == "ebm";

    /// <summary>Whether the explainable boosting machine stands beside the champion as its challenger.</summary>
    public bool EbmChallenges => Document.ChallengerKind == "ebm" && Ebm is not null && !EbmScores;

    public static CreditModel From(ScorecardDocument document, ChallengerModel? challenger)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Kind == "gbdt" && challenger is null)
        {
            throw new CreditDataException("the model is scored by its gradient-boosting model, whose file was not found beside it");
        }

        if ((document.Kind == "ebm" || document.ChallengerKind == "ebm") && document.Ebm is null)
        {
            throw new CreditDataException("the model names its explainable boosting machine as champion or challenger, but the document does not hold one");
        }

        return new CreditModel(document, challenger);
    }

    /// <summary>Loads a model document and, if named and present, its challenger file from the same folder.</summary>
    public static CreditModel Load(string path)
    {
        var document = ModelJson.Load(path);
        ChallengerModel? challenger = null;
        if (document.Challenger is { } record)
        {
            var file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", record.File);
            if (File.Exists(file))
            {
                using var zip = File.OpenRead(file);
                challenger = ChallengerModel.Load(record, zip);
            }
        }

        return From(document, challenger);
    }

    /// <summary>Champion scores, pd and grades; <c>AlternatePd</c> is the pd of the other model when there is one.</summary>
    public sealed record Scores(double[] Score, double[] Pd, int[] Grade, double[]? AlternatePd, BinMatch[][] Matches);

    public Scores Score(CreditDataset data)
    {
        var scored = DatasetScorer.Score(Scorecard, data);
        if (EbmScores)
        {
            var ebmPd = Ebm!.PredictPd(data);
            var ebmScore = ebmPd.Select(p => ScorecardTrainer.ScoreOfPd(Document.Scaling, p)).ToArray();
            return new Scores(ebmScore, ebmPd, [.. ebmScore.Select(Scorecard.GradeIndexOf)], scored.Pd, scored.Matches);
        }

        var ebmChallengerPd = EbmChallenges ? Ebm!.PredictPd(data) : null;
        if (!GbdtScores)
        {
            return new Scores(scored.Scores, scored.Pd, scored.Grades, ebmChallengerPd ?? Challenger?.PredictPd(data), scored.Matches);
        }

        var pd = Challenger!.PredictPd(data);
        var score = pd.Select(p => ScorecardTrainer.ScoreOfPd(Document.Scaling, p)).ToArray();
        return new Scores(score, pd, [.. score.Select(Scorecard.GradeIndexOf)], ebmChallengerPd ?? scored.Pd, scored.Matches);
    }
}
