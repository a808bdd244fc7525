using System.Text.Json;
using Spectre.Console;

namespace AutoFinance.Cli.Common;

/// <summary>Where a command writes, the clock it reads, and the two ways it answers (a table or one JSON document).</summary>
public sealed class CliContext(TextWriter output, TextWriter error, TimeProvider clock)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TimeProvider Clock { get; } = clock;

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    public IAnsiConsole Console { get; } = CreateConsole(output);

    /// <summary>A plain console on the output writer, wide enough that tables never wrap when piped to a file.</summary>
    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        return console;
    }

    public int WriteJson<T>(T document)
    {
        Output.WriteLine(JsonSerializer.Serialize(document, CliJson.Options));
        return CliApp.Ok;
    }

    /// <summary>Writes one line naming the problem and returns the bad-input exit code.</summary>
    public int Reject(string problem)
    {
        Error.WriteLine("error: " + problem.ReplaceLineEndings(" ").Trim());
        return CliApp.BadInput;
    }
}
