using AutoFinance.Credit.Artefacts;

namespace AutoFinance.Credit.Challenger;

/// <summary>The outcome of a challenger training run: the model, its artefact section and the search that chose it.</summary>
public sealed class TrainedChallenger
{
    internal TrainedChallenger(ChallengerModel model, ChallengerRecord record, IReadOnlyList<ChallengerGridPoint> grid)
    {
        Model = model;
        Record = record;
        Grid = grid;
    }

    public ChallengerModel Model { get; }

    /// <summary>The artefact section: features, calibration, hyperparameters and training figures.</summary>
    public ChallengerRecord Record { get; }

    /// <summary>Every candidate of the hyperparameter search with its cross-validated AUC.</summary>
    public IReadOnlyList<ChallengerGridPoint> Grid { get; }

    /// <summary>Writes the booster as an ML.NET model zip; <see cref="ChallengerModel.Load"/> reads it back with <see cref="Record"/>.</summary>
    public void SaveModel(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Model.Save(stream);
    }
}
