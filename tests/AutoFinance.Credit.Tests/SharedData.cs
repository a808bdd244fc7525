namespace AutoFinance.Credit.Tests;

/// <summary>Paths of the public credit datasets kept beside the repository.</summary>
internal static class SharedData
{
    public static string German => Find("german-credit/german-credit.csv");

    public static string Hmeq => Find("hmeq/hmeq.csv");

    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/data/{relative} not found above {AppContext.BaseDirectory}");
    }
}
