using AutoFinance.Credit.Data;
using AutoFinance.Credit.RejectInference;
using AutoFinance.Credit.Scorecards;
using AutoFinance.Credit.Synthetic;
using AutoFinance.Credit.Validation;
using Xunit.Abstractions;

namespace AutoFinance.Credit.Tests.RejectInference;

/// <summary>
/// A known population (the synthetic car-loan history, every outcome known), a past policy that rejected 40% of it,
/// and scorecards trained on the accepts alone, with reject inference, and on everyone, all measured on a held-out
/// part of the whole population, which is what a new policy will face.
/// </summary>
public sealed class RejectInferenceSimulationTests(ITestOutputHelper output)
{
    private const int Rows = 20_000;
    private const int Seed = 7;

    private static readonly Lazy<World> Simulated = new(Build);

    [Theory]
    [InlineData(InferenceMethod.Parcelling)]
    [InlineData(InferenceMethod.FuzzyAugmentation)]
    public void Reject_inference_recovers_part_of_the_discrimination_lost_by_training_on_accepts_only(InferenceMethod method)
    {
        var world = Simulated.Value;
        var acceptsOnly = world.Fit(world.Accepts);
        var acceptsPd = DatasetScorer.Score(acceptsOnly.Card, world.Accepts).Pd;
        var rejectsPd = DatasetScorer.Score(acceptsOnly.Card, world.Rejects).Pd;

        var augmented = RejectAugmentation.Augment(world.Accepts, acceptsPd, world.Rejects, rejectsPd, new RejectInferenceOptions { Method = method });
        var inferred = world.Fit(augmented).Auc;

        output.WriteLine($"{method}: accepts only {acceptsOnly.Auc:0.0000}, with inference {inferred:0.0000}, everyone's outcome known {world.OracleAuc:0.0000}");
        Assert.True(inferred > acceptsOnly.Auc + 0.02, $"inference {inferred:0.0000} against accepts only {acceptsOnly.Auc:0.0000}");
        Assert.True(inferred <= world.OracleAuc + 0.01, $"inference {inferred:0.0000} cannot beat knowing every outcome {world.OracleAuc:0.0000}");
    }

    [Fact]
    public void Parcelling_labels_each_band_of_rejects_bad_at_the_uplifted_rate_of_its_accepts()
    {
        byte[] acceptsTarget = [0, 0, 0, 1, 0, 1, 1, 1];
        double[] acceptsPd = [0.1, 0.1, 0.1, 0.1, 0.6, 0.6, 0.6, 0.6];
        double[] rejectsPd = [0.05, 0.08, 0.09, 0.1, 0.7, 0.8, 0.9, 0.95];

        var target = RejectAugmentation.Parcel(acceptsTarget, acceptsPd, rejectsPd, new RejectInferenceOptions { Bands = 2, Uplift = 2 });

        Assert.Equal(2, target[..4].Count(t => t == 1));
        Assert.Equal(4, target[4..].Count(t => t == 1));
    }

    [Fact]
    public void A_history_generated_with_a_past_policy_says_who_was_rejected_and_hides_their_outcome()
    {
        using var writer = new StringWriter();

        CarLoanHistoryGenerator.WriteCsv(writer, 1000, 3, pastPolicyRejectRate: 0.3);

        var lines = writer.ToString().TrimEnd('\n').Split('\n');
        Assert.EndsWith(",defaulted,past_decision", lines[0], StringComparison.Ordinal);
        var rejected = lines[1..].Where(l => l.EndsWith(",rejected", StringComparison.Ordinal)).ToArray();
        Assert.Equal(300, rejected.Length);
        Assert.All(rejected, l => Assert.EndsWith(",,rejected", l, StringComparison.Ordinal));
        Assert.All(lines[1..].Except(rejected), l => Assert.Matches(",[01],accepted$", l));
    }

    private sealed record World(CreditDataset Accepts, CreditDataset Rejects, CreditDataset Everyone, CreditDataset Holdout)
    {
        public double OracleAuc => Fit(Everyone).Auc;

        public (double Auc, Scorecard Card) Fit(CreditDataset sample)
        {
            var options = new TrainingOptions { Folds = 0, Tuning = null, TestFraction = 0.05, Target = new(CarLoanFeatures.Defaulted, null) };
            var document = ScorecardTrainer.Train(new LoadedDataset(sample, [], [], []), options, TimeProvider.System).Document;
            var card = Scorecard.From(document);
            return (Metrics.Auc(DatasetScorer.Score(card, Holdout).Pd, Holdout.Target), card);
        }
    }

    private static World Build()
    {
        var file = Path.Combine(Path.GetTempPath(), $"autofinance-history-{Guid.NewGuid():N}.csv");
        try
        {
            using (var writer = new StreamWriter(file))
            {
                CarLoanHistoryGenerator.WriteCsv(writer, Rows, Seed);
            }

            var data = DatasetLoader.LoadFile(file, new DatasetOptions { Target = CarLoanFeatures.Defaulted }).Data;
            var accepted = PastPolicy.Accepted([.. CarLoanHistoryGenerator.Generate(Rows, Seed)], 0.4, Seed);
            var (development, holdout) = Sampling.StratifiedSplit(data.Target, 0.3, Seed);
            return new World(
                data.Select([.. development.Where(r => accepted[r])]),
                data.Select([.. development.Where(r => !accepted[r])]),
                data.Select(development),
                data.Select(holdout));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
