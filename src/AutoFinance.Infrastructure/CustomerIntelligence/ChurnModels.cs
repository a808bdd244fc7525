using AutoFinance.Insight.Churn;

namespace AutoFinance.Infrastructure.CustomerIntelligence;

/// <summary>Which history the churn model was trained on, why, and how it did on the held-out later period.</summary>
public sealed record ChurnTraining(string TrainedOn, string Why, ChurnTrainingResult Result);

/// <summary>
/// Chooses the churn model's training history: the platform's own when it holds enough labelled months (see
/// <see cref="InsightOptions.MinPlatformObservations"/>), otherwise the seeded SYNTHETIC history of
/// <see cref="ChurnHistoryGenerator"/> (700 customers over 24 months from 2024-01, seed 7, split at 2025-07-01).
/// The synthetic model is trained once per process (training is deterministic, so every refresh would get the same).
/// </summary>
public static class ChurnModels
{
    public const string Platform = "platform";
    public const string Synthetic = "synthetic";

    private static readonly Lazy<ChurnTrainingResult> SyntheticModel = new(() =>
        ChurnTrainer.Train(ChurnHistoryGenerator.Generate(customers: 700, months: 24, new DateOnly(2024, 1, 1), seed: 7), new DateOnly(2025, 7, 1)));

    public static ChurnTraining Choose(IReadOnlyList<ChurnObservation> platformHistory, DateOnly asOf, InsightOptions options)
    {
        ArgumentNullException.ThrowIfNull(platformHistory);
        ArgumentNullException.ThrowIfNull(options);
        var leavers = platformHistory.Count(o => o.LeftWithinHorizon);
        if (platformHistory.Count >= options.MinPlatformObservations && leavers >= options.MinPlatformLeavers)
        {
            try
            {
                var result = ChurnTrainer.Train(platformHistory, asOf.AddMonths(-9));
                return new ChurnTraining(Platform, $"platform history: {platformHistory.Count} monthly observations, {leavers} leavers", result);
            }
            catch (ArgumentException e)
            {
                return new ChurnTraining(Synthetic, $"platform history could not be split in time ({e.Message}); trained on the seeded synthetic history", SyntheticModel.Value);
            }
        }

        return new ChurnTraining(Synthetic,
            $"platform history has {platformHistory.Count} monthly observations and {leavers} leavers (needs {options.MinPlatformObservations} and {options.MinPlatformLeavers}); trained on the seeded synthetic history",
            SyntheticModel.Value);
    }
}
