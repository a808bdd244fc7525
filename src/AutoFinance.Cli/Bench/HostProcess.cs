using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AutoFinance.Cli.Bench;

/// <summary>The platform started as its own process on a free loopback port, for load tests against a real host.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const int LogLinesKept = 40;

    // A warm-up ends after a round of load in which the host's compiler used under this share of the round's time.
    private const double QuietCompiler = 0.02;

    private static readonly TimeSpan WarmUpRound = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(90);

    private readonly Process _process;

    private readonly ConcurrentQueue<string> _log;

    private HostProcess(Process process, Uri address, ConcurrentQueue<string> log)
    {
        _process = process;
        Address = address;
        _log = log;
    }

    public Uri Address { get; }

    /// <summary>The host's last log lines (it logs warnings and errors only): what explains a failed request.</summary>
    public IReadOnlyList<string> RecentLog => [.. _log];

    /// <summary>The processor time the platform's process has used so far (its children, such as the partner simulator, not counted).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<HostProcess> StartAsync(string webDll, string provider, string connectionString, string keysPath, IEnumerable<string>? extraArguments = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
        };
        foreach (var argument in new[]
        {
            webDll, "--urls", $"http://127.0.0.1:{port}", $"--Database:Provider={provider}", $"--ConnectionStrings:Default={connectionString}",
            $"--Security:KeysPath={keysPath}", "--Logging:LogLevel:Default=Warning",
            // The benchmark measures capacity: 64 clients on one dealer key would meet the per-key limit by design.
            "--Security:RateLimits:Enabled=false",
        }.Concat(extraArguments ?? []))
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("the host did not start");
        var log = new ConcurrentQueue<string>();
        void Keep(object? sender, DataReceivedEventArgs line)
        {
            if (line.Data is { Length: > 0 } text)
            {
                log.Enqueue(text);
                while (log.Count > LogLinesKept && log.TryDequeue(out _))
                {
                }
            }
        }

        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        // A busy machine can take minutes to start the host (migrations, seeding, JIT): wait up to five.
        var waiting = Stopwatch.StartNew();
        while (waiting.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with code {process.ExitCode}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative)).ConfigureAwait(false)).StatusCode == HttpStatusCode.OK)
                {
                    return new HostProcess(process, address, log);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500).ConfigureAwait(false);
        }

        process.Kill();
        throw new TimeoutException("the host did not answer /health within five minutes");
    }

    /// <summary>The platform's build output, found from the repository this command was built in.</summary>
    public static string FindWebDll(string? configured)
    {
        if (configured is not null)
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : throw new Common.BadInputException($"--web: '{configured}' does not exist");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "AutoFinance.Web", "bin", "Release", "net10.0", "AutoFinance.Web.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new Common.BadInputException("--web: build the platform first (dotnet build -c Release) or name AutoFinance.Web.dll");
    }

    /// <summary>The host's peak resident memory so far, in megabytes (Linux's VmHWM); null where /proc does not tell.</summary>
    public double? PeakResidentMegabytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return long.TryParse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? Math.Round(kb / 1024.0) : null;
    }

    /// <summary>
    /// The processor time each of the host's tiered-compiler threads (named ".NET Tiered Com…"; one at a time, ended
    /// when idle and started again with new work) has used so far, by thread id; null where /proc does not tell. Linux
    /// counts a thread's time in ticks of a hundredth of a second (USER_HZ).
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan>? CompilerReading()
    {
        var tasks = $"/proc/{_process.Id}/task";
        if (!Directory.Exists(tasks))
        {
            return null;
        }

        var threads = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal))
                {
                    continue;
                }

                // The fields after the thread's name (which holds spaces, in parentheses): state is the first, utime the 12th, stime the 13th.
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                threads[Path.GetFileName(task)] = TimeSpan.FromMilliseconds(ticks * 10);
            }
            catch (IOException)
            {
                // The thread ended while being read.
            }
        }

        return threads;
    }

    /// <summary>
    /// The processor time the host's tiered compiler used since <paramref name="since"/> (a reading of
    /// <see cref="CompilerReading"/>); null where /proc does not tell. A compiler thread that ended in between is not
    /// counted, so this is at least what it used.
    /// </summary>
    public TimeSpan? CompilerTimeSince(IReadOnlyDictionary<string, TimeSpan>? since) =>
        since is null || CompilerReading() is not { } now ? null : TimeSpan.FromTicks(now.Sum(t => (t.Value - since.GetValueOrDefault(t.Key)).Ticks));

    /// <summary>
    /// Runs the load for <paramref name="minimum"/>, then in rounds of two seconds until the host's tiered compiler used
    /// under 2 % of a round (a minute and a half at most in all), so what is timed next is the code a server that
    /// has run for a while runs, however slow the machine. Returns how long the warm-up took. Where the compiler's
    /// time cannot be read, the minimum alone.
    /// </summary>
    /// <param name="load">Sends requests for the given time; called once per round.</param>
    public async Task<TimeSpan> WarmUpAsync(TimeSpan minimum, Func<TimeSpan, Task> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var elapsed = Stopwatch.StartNew();
        await load(minimum).ConfigureAwait(false);
        while (elapsed.Elapsed < WarmUpLimit && CompilerReading() is { } before)
        {
            var round = Stopwatch.StartNew();
            await load(WarmUpRound).ConfigureAwait(false);
            var compiling = (CompilerTimeSince(before) ?? TimeSpan.Zero).TotalMilliseconds;
            if (compiling < round.Elapsed.TotalMilliseconds * QuietCompiler)
            {
                break;
            }
        }

        return elapsed.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // One SIGKILL: killing the tree stops the host first, and a benchmark interrupted then would leave it stopped for good.
            // The host's simulators watch it and end themselves.
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
