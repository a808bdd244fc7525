using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AutoFinance.Infrastructure.Partners;

/// <summary>
/// The partner simulator running as a process of its own (never in-process): started with the same .NET host as the
/// caller, it prints the address it bound, and it is killed with its whole tree when disposed; it stops itself when the
/// caller's process is gone without disposing it.
/// </summary>
public sealed class SimulatorProcess : IAsyncDisposable
{
    public const string AssemblyFileName = "AutoFinance.Simulator.dll";
    private const string ListeningLinePrefix = "AutoFinance.Simulator listening on ";

    /// <summary>The simulator's setting naming the process that started it (the simulator's <c>ParentWatch</c>).</summary>
    public const string ParentProcessSetting = "Simulator:ParentProcessId";

    private readonly Process _process;

    private SimulatorProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the simulator found beside the running program and waits until it listens.</summary>
    public static async Task<SimulatorProcess> StartAsync(string urls, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken ct)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, AssemblyFileName);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"The partner simulator was not built beside the platform ({assembly}).", assembly);
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add($"--urls={urls}");
        // The simulator stops itself once this process is gone, even when this process is killed outright.
        start.ArgumentList.Add($"--{ParentProcessSetting}={Environment.ProcessId}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The partner simulator did not start.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && text.StartsWith(ListeningLinePrefix, StringComparison.Ordinal))
            {
                listening.TrySetResult(new Uri(text[ListeningLinePrefix.Length..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                lock (errors)
                {
                    errors.AppendLine(text);
                }
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The partner simulator exited ({process.ExitCode}): {errors}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(timeout, ct).ConfigureAwait(false);
            return new SimulatorProcess(process, address);
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop(_process);
        return ValueTask.CompletedTask;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                // The simulator starts no process of its own, so one SIGKILL ends it. Killing it "with its tree" stops it
                // first (SIGSTOP) and kills it after listing its children: a caller ending meanwhile (a test run's
                // process killed as it exits) left it stopped for good, where not even its parent watch could end it.
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It had already gone.
        }

        process.Dispose();
    }

    /// <summary>The <c>dotnet</c> host that runs this program, so the simulator runs on the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
