using System.Text.RegularExpressions;

namespace AutoFinance.Cli.Tests;

/// <summary>
/// Every command with generated bad arguments (seeded): wrong types, boundary and Unicode values, missing, repeated
/// and dangling options, unknown options, files that are missing, empty, garbage or a directory. The answer is always
/// exit 0 (the arguments happened to be valid) or 2 with one line naming the problem; never 1, never a stack trace.
/// </summary>
public sealed partial class CommandFuzzTests : IDisposable
{
    private const int Seed = 2026;

    private readonly string _dir = Directory.CreateTempSubdirectory("autofinance-fuzz-").FullName;

    private static readonly string[] LoanOptions = ["--principal", "100000", "--annual-rate", "4.9", "--term", "36", "--method", "annuity"];

    private static readonly string[] NastyValues =
    [
        "", " ", "-1", "0", "1", "36", "0.5", "1e400", "-1e-400", "NaN", "Infinity", "∞", "12,5", "１２", "\u0000", new string('9', 400),
        "--", "-", "2026-02-30", "2026-13-01", "0001-01-01", "9999-12-31", "../../etc/passwd", "/dev/null", "😀", "\u202Eevil", "annuity",
        "balloon", "flat-fee", "30/360", "actual/actual", "sqlite", "postgresql", "Data Source=/nonexistent/x.db", "Host=256.0.0.1;Port=1",
        "true", "null", "%s%n", "'; DROP TABLE loans; --",
    ];

    public CommandFuzzTests()
    {
        System.IO.File.WriteAllText(Path.Combine(_dir, "empty.csv"), string.Empty);
        System.IO.File.WriteAllText(Path.Combine(_dir, "tiny.csv"), "a,b,target\n1,x,0\n2,y,1\n");
        System.IO.File.WriteAllText(Path.Combine(_dir, "garbage.json"), "{not json");
        System.IO.File.WriteAllBytes(Path.Combine(_dir, "binary.db"), [0, 1, 2, 3, 0xFF, 0xFE]);
        Directory.CreateDirectory(Path.Combine(_dir, "a-directory"));
    }

    /// <summary>Each command and arguments near a valid call; the generator bends one to three of them.</summary>
    private Dictionary<string, string[]> Commands => new()
    {
        ["schedule"] = [.. LoanOptions, "--start", "2026-01-15", "--first-due", "2026-03-01", "--day-count", "30/360"],
        ["disclose"] = [.. LoanOptions, "--start", "2026-01-15"],
        ["payoff"] = [.. LoanOptions, "--installments-paid", "2", "--on", "2026-03-25", "--start", "2026-01-10"],
        ["prepay"] = [.. LoanOptions, "--installments-paid", "2", "--amount", "10000", "--keep", "term"],
        ["apr"] = ["--cashflows", File("garbage.json")],
        ["generate"] = ["car-loans", "--rows", "50", "--seed", "1", "--out", File("generated.csv")],
        ["train"] = ["--data", File("tiny.csv"), "--target", "target", "--out", File("model.json")],
        ["evaluate"] = ["--model", File("garbage.json"), "--data", File("tiny.csv"), "--target", "target"],
        ["benchmark"] = ["--data", File("tiny.csv"), "--target", "target", "--seeds", "2", "--no-challenger"],
        ["score"] = ["--model", File("garbage.json"), "--data", File("tiny.csv"), "--out", File("scored.csv")],
        ["report"] = ["--model", File("garbage.json")],
        ["export"] = ["--model", File("garbage.json"), "--format", "sql", "--out", File("model.sql")],
        ["audit"] = ["verify", "--connection", $"Data Source={File("binary.db")}"],
        ["cob"] = ["--date", "2026-11-24", "--connection", $"Data Source={File("missing.db")}"],
        ["reconcile"] = ["--file", File("missing.xml")],
        ["payout-file"] = ["--out", File("bank.pain001.xml"), "--connection", $"Data Source={File("binary.db")}"],
        ["payout-report"] = ["--file", File("garbage.json"), "--connection", $"Data Source={File("binary.db")}"],
        ["payouts"] = ["cancel", "0193a1b2-0000-7000-8000-000000000001", "--reason", "the customer asked", "--connection", $"Data Source={File("binary.db")}"],
        ["backup"] = ["--connection", $"Data Source={File("binary.db")}", "--out", File("backup.db")],
        ["restore"] = ["--from", File("binary.db"), "--connection", $"Data Source={File("restored.db")}"],
        ["insight"] = ["refresh", "--market-rate", "3", "--connection", $"Data Source={File("binary.db")}"],
        ["outbox"] = ["resend", "--channel", "sms", "--connection", $"Data Source={File("binary.db")}"],
        ["bench"] = ["schedule", "--seconds", "soon"],
    };

    [Fact]
    public void Every_command_is_fuzzed()
    {
        var help = CliRunner.Run("--help").Output;
        var listed = CommandLine().Matches(help[help.IndexOf("Commands:", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(listed.Order(), Commands.Keys.Order());
    }

    [Fact]
    public void Generated_bad_arguments_answer_exit_2_with_one_line_or_0_and_never_a_stack_trace()
    {
        var random = new Random(Seed);
        var files = new[] { File("missing.csv"), File("empty.csv"), File("garbage.json"), File("binary.db"), File("a-directory"), File("tiny.csv"), string.Empty };
        var failures = new List<string>();
        var commands = Commands;
        var runs = 0;
        for (var i = 0; i < 900; i++)
        {
            var (name, baseline) = commands.ElementAt(random.Next(commands.Count));
            var args = new List<string>(baseline);
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                var options = Enumerable.Range(0, args.Count).Where(k => args[k].StartsWith("--", StringComparison.Ordinal)).ToList();
                var choice = random.NextDouble();
                if (options.Count > 0 && choice < 0.6)
                {
                    var at = options[random.Next(options.Count)];
                    if (at + 1 < args.Count && !args[at + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        var fileLike = args[at] is "--data" or "--model" or "--cashflows" or "--out" or "--from";
                        // A benchmark given a number would run for that long: it only ever gets words.
                        var value = name == "bench" ? "x" + random.Next(100) : fileLike && random.NextDouble() < 0.7 ? files[random.Next(files.Length)] : NastyValues[random.Next(NastyValues.Length)];
                        args[at + 1] = value;
                    }
                }
                else if (options.Count > 0 && choice < 0.75)
                {
                    var at = options[random.Next(options.Count)];
                    args.RemoveAt(at + 1 < args.Count && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? at + 1 : at);
                }
                else if (choice < 0.85)
                {
                    args.Add("--no-such-option");
                    args.Add(NastyValues[random.Next(NastyValues.Length)]);
                }
                else if (options.Count > 0 && choice < 0.95)
                {
                    args.Add(args[options[random.Next(options.Count)]]);
                }
                else
                {
                    args.Insert(0, NastyValues[random.Next(NastyValues.Length)]);
                }
            }

            if (name == "bench" && args.Count > 0 && args[0] == "schedule" && !args.Contains("--seconds"))
            {
                args.AddRange(["--seconds", "x"]);
            }

            args.Insert(0, name);
            var result = CliRunner.Run([.. args]);
            runs++;
            var call = string.Join(' ', args.Select(a => a.Length > 40 ? a[..40] + "…" : a));
            if (result.ExitCode is not (0 or 2))
            {
                failures.Add($"exit {result.ExitCode}: {call} => {result.Error.Trim()}");
            }
            else if (result.ExitCode == 2 && (!result.Error.StartsWith("error: ", StringComparison.Ordinal) || result.Error.Trim().Contains('\n', StringComparison.Ordinal)))
            {
                failures.Add($"not one 'error:' line: {call} => {result.Error.Trim()}");
            }

            if ((result.Output + result.Error).Contains("   at ", StringComparison.Ordinal) || result.Error.Contains("Exception:", StringComparison.Ordinal))
            {
                failures.Add($"a stack trace or exception: {call}");
            }
        }

        Assert.True(runs == 900);
        Assert.True(failures.Count == 0, $"{failures.Count} failures (seed {Seed}):{Environment.NewLine}" + string.Join(Environment.NewLine, failures.Distinct().Take(40)));
    }

    private string File(string name) => Path.Combine(_dir, name);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [GeneratedRegex(@"^\s{2}([a-z-]+)\s", RegexOptions.Multiline)]
    private static partial Regex CommandLine();
}
