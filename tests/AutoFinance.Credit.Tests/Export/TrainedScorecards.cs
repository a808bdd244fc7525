using System.Text;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;
using CsvHelper;

namespace AutoFinance.Credit.Tests.Export;

/// <summary>Scorecards trained once on the public datasets, with every row of their file as raw text.</summary>
internal static class TrainedScorecards
{
    private static readonly Lazy<ScorecardCase> LazyGerman = new(() =>
        Train("german credit", PublicData.German, new DatasetOptions { Target = "creditability", BadValue = "bad" }));

    private static readonly Lazy<ScorecardCase> LazyHmeq = new(() =>
        Train("hmeq", PublicData.Hmeq, new DatasetOptions { Target = "BAD" }));

    /// <summary>HMEQ with 0 as a sentinel value: counts like DEROG and DELINQ get a special bin below their range.</summary>
    private static readonly Lazy<ScorecardCase> LazyHmeqSentinel = new(() =>
        Train("hmeq with sentinel 0", PublicData.Hmeq, new DatasetOptions { Target = "BAD", SpecialValues = new HashSet<string>(StringComparer.Ordinal) { "0" } }));

    public static ScorecardCase German => LazyGerman.Value;

    public static ScorecardCase Hmeq => LazyHmeq.Value;

    public static ScorecardCase HmeqSentinel => LazyHmeqSentinel.Value;

    /// <summary>The names theories use: <c>german</c>, <c>hmeq</c>, <c>hmeq-sentinel</c>.</summary>
    public static ScorecardCase Named(string name) => name switch
    {
        "german" => German,
        "hmeq" => Hmeq,
        "hmeq-sentinel" => HmeqSentinel,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such trained scorecard"),
    };

    private static ScorecardCase Train(string name, string path, DatasetOptions options)
    {
        var loaded = DatasetLoader.LoadFile(path, options);
        var document = ScorecardTrainer.Train(loaded, new TrainingOptions { Folds = 0, Target = new(options.Target, options.BadValue) }, TimeProvider.System).Document;
        var (header, rows) = ReadRaw(path);
        var columns = document.Characteristics.Select(c => Array.IndexOf(header, c.Name)).ToArray();
        Assert.DoesNotContain(-1, columns);
        return new ScorecardCase(name, document, [.. rows.Select(row => columns.Select(c => (string?)row[c]).ToArray())]);
    }

    private static (string[] Header, List<string[]> Rows) ReadRaw(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = CsvReader.Create(stream, CsvReaderOptions.Default, leaveOpen: false);
        var rows = new List<string[]>();
        string[] header = [];
        while (reader.Read())
        {
            if (header.Length == 0)
            {
                header = [.. reader.Headers];
            }

            rows.Add([.. Enumerable.Range(0, header.Length).Select(reader.GetString)]);
        }

        return (header, rows);
    }
}
