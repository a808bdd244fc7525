using System.Diagnostics;
using AutoFinance.Credit.Challenger;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Validation;

namespace AutoFinance.Credit.Tests.Challenger;

/// <summary>A public dataset split 70/30 (stratified, seed 42) and the challenger trained on its training part.</summary>
public sealed class TrainedOnPublicData
{
    internal TrainedOnPublicData(string name, CreditDataset train, CreditDataset test, TrainedChallenger challenger, TimeSpan trainingTime)
    {
        Name = name;
        Train = train;
        Test = test;
        Challenger = challenger;
        TrainingTime = trainingTime;
    }

    public string Name { get; }

    public CreditDataset Train { get; }

    public CreditDataset Test { get; }

    public TrainedChallenger Challenger { get; }

    public TimeSpan TrainingTime { get; }

    internal static (CreditDataset Train, CreditDataset Test) Split(CreditDataset data)
    {
        var (trainRows, testRows) = Sampling.StratifiedSplit(data.Target, 0.3, 42);
        return (data.Select(trainRows), data.Select(testRows));
    }

    internal static TrainedOnPublicData Build(string name, CreditDataset data)
    {
        var (train, test) = Split(data);
        var clock = Stopwatch.StartNew();
        var challenger = GbdtChallenger.Train(train, new ChallengerOptions());
        return new TrainedOnPublicData(name, train, test, challenger, clock.Elapsed);
    }
}

/// <summary>Trains the challenger once per public dataset for every test of the collection.</summary>
public sealed class ChallengerFixture
{
    private readonly Lazy<TrainedOnPublicData> _german = new(() =>
        TrainedOnPublicData.Build("German credit", LoadGerman()));

    private readonly Lazy<TrainedOnPublicData> _hmeq = new(() =>
        TrainedOnPublicData.Build("HMEQ", LoadHmeq()));

    public TrainedOnPublicData German => _german.Value;

    public TrainedOnPublicData Hmeq => _hmeq.Value;

    public static CreditDataset LoadGerman(IReadOnlySet<string>? categorical = null) =>
        DatasetLoader.LoadFile(PublicData.German, new DatasetOptions
        {
            Target = "creditability",
            BadValue = "bad",
            Categorical = categorical ?? new HashSet<string>(StringComparer.Ordinal),
        }).Data;

    public static CreditDataset LoadHmeq() => DatasetLoader.LoadFile(PublicData.Hmeq, new DatasetOptions { Target = "BAD" }).Data;
}

[CollectionDefinition(Name)]
public sealed class ChallengerCollection : ICollectionFixture<ChallengerFixture>
{
    public const string Name = "challenger";
}
