namespace AutoFinance.Cli.Tests.Credit;

/// <summary>A German-credit model trained once through the CLI and shared by the tests that read it.</summary>
public sealed class TrainedGermanModel : IDisposable
{
    public TrainedGermanModel()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"autofinance-credit-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
        Data = Path.Combine(CliRunner.RepoRoot(), "datasets", "german-credit", "german-credit.csv");
        Model = Path.Combine(Directory, "german.json");
        Training = CliRunner.Run("train", "--data", Data, "--target", "creditability", "--bad", "bad", "--folds", "3", "--out", Model, "--json");
    }

    public string Directory { get; }

    public string Data { get; }

    public string Model { get; }

    internal CliRunner.Result Training { get; }

    public string Temp(string name) => Path.Combine(Directory, name);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
