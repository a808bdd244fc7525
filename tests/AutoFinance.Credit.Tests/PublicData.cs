namespace AutoFinance.Credit.Tests;

/// <summary>
/// Paths of the public credit datasets the tests train on. German credit (CC BY 4.0) is kept in the repository under
/// <c>datasets/</c>; HMEQ has no open licence, so its tests skip unless <see cref="ExtraDataVariable"/> names a
/// folder that holds <c>hmeq/hmeq.csv</c>.
/// </summary>
internal static class PublicData
{
    public const string ExtraDataVariable = "AUTOFINANCE_EXTRA_DATA";

    private const string HmeqFile = "hmeq/hmeq.csv";

    public static string German => Path.Combine(RepositoryRoot(), "datasets", "german-credit", "german-credit.csv");

    /// <summary>The model the platform decides with by default.</summary>
    public static string DefaultModel => Path.Combine(RepositoryRoot(), "models", "default", "car-loans.json");

    /// <summary>The HMEQ file; skips the calling test (it must be a skippable one) when the file is not supplied.</summary>
    public static string Hmeq
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable(ExtraDataVariable);
            var path = string.IsNullOrWhiteSpace(folder) ? null : Path.Combine(folder, HmeqFile);
            Skip.If(path is null || !File.Exists(path),
                $"{HmeqFile} is not in the repository (no open licence): set {ExtraDataVariable} to a folder holding it to run this test");
            return path!;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AutoFinance.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"repository root not found above {AppContext.BaseDirectory}");
    }
}
