using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AutoFinance.Application.Common;
using AutoFinance.Cli.Common;
using AutoFinance.Infrastructure.Seeding;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// <c>autofinance bench decision</c>: decisions per second in process on one core, then the platform over HTTP on
/// SQLite (and PostgreSQL with <c>--postgres</c>) with 64 concurrent clients against its own <c>/health</c> baseline.
/// </summary>
public static class DecisionCommand
{
    public sealed record Figures(
        DecisionBenchmark.InProcessFigures InProcess,
        DecisionBenchmark.InProcessFigures InProcessScorecardOnly,
        IReadOnlyList<HttpRun> Http);

    /// <param name="Client">The load generator: wrk when installed, else this command's own client.</param>
    /// <param name="WarmUpSeconds">How long decisions were sent before the timed runs, until the host's tiered compiler was done with them.</param>
    /// <param name="HostPeakMemoryMb">The host's peak resident memory over the run (the simulators, processes of their own, not counted).</param>
    /// <param name="HostProcessorMillisecondsPerHealth">The host's processor time per <c>/health</c> answered: what a busy machine disturbs least.</param>
    /// <param name="HostProcessorMillisecondsPerDecision">The same per decision answered (the partner simulators' time not counted).</param>
    /// <param name="HostLog">The host's last log lines when a request failed, to tell why; empty otherwise.</param>
    /// <param name="Writers">How busy the host's group-commit writers were while the decisions were timed.</param>
    public sealed record HttpRun(string Database, string Client, double WarmUpSeconds, HttpLoad.Figures Health, HttpLoad.Figures Decisions, double ShareOfHealthThroughput, double? HostPeakMemoryMb,
        double HostProcessorMillisecondsPerHealth, double HostProcessorMillisecondsPerDecision, IReadOnlyList<string> HostLog, IReadOnlyList<WriterLoad> Writers);

    public static Command Create(CliContext context, Option<string?> seconds, Option<bool> json)
    {
        var clients = new Option<string?>("--clients") { Description = "Concurrent HTTP clients (default 64)." };
        var postgres = new Option<string?>("--postgres") { Description = "Also run over HTTP on this PostgreSQL server (e.g. Host=127.0.0.1;Port=55432;Username=postgres)." };
        var noHttp = new Option<bool>("--no-http") { Description = "Only the in-process figures." };
        var web = new Option<string?>("--web") { Description = "Path to AutoFinance.Web.dll (default: this repository's Release build)." };
        var client = new Option<string?>("--client") { Description = "HTTP load generator: wrk (the default when installed) or dotnet (this command's own)." };
        var command = new Command("decision", "Automated decisions per second in process and over HTTP (SQLite, PostgreSQL) against the /health baseline.")
        {
            seconds, clients, postgres, noHttp, web, client, json,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var input = new InputReader();
            var duration = input.Duration("seconds", parsed.GetValue(seconds), 5m);
            var clientCount = input.IntegerBetween("clients", parsed.GetValue(clients), 64, 1, 1024);

            var generator = (parsed.GetValue(client) ?? (WrkLoad.Find() is null ? "dotnet" : "wrk")).Trim().ToLowerInvariant();
            if (generator is not ("wrk" or "dotnet"))
            {
                input.Add(new Domain.Validation.FieldError("client", "must be wrk or dotnet"));
            }
            else if (generator == "wrk" && WrkLoad.Find() is null)
            {
                input.Add(new Domain.Validation.FieldError("client", "wrk is not installed (apt-get install wrk)"));
            }

            input.ThrowIfAny();
            var wrk = generator == "wrk" ? WrkLoad.Find() : null;
            var webDll = parsed.GetValue(noHttp) ? null : HostProcess.FindWebDll(parsed.GetValue(web));
            var modelPath = ModelPath(webDll);
            var withChallenger = DecisionBenchmark.MeasureInProcess(modelPath, duration, withChallenger: true);
            var scorecardOnly = DecisionBenchmark.MeasureInProcess(modelPath, duration, withChallenger: false);
            var runs = new List<HttpRun>();
            if (webDll is not null)
            {
                var directory = Path.Combine(Path.GetTempPath(), $"autofinance-bench-{Guid.NewGuid():N}");
                Directory.CreateDirectory(directory);
                try
                {
                    runs.Add(await RunHttp("sqlite", webDll, "Sqlite", $"Data Source={Path.Combine(directory, "bench.db")}", directory, clientCount, duration, wrk).ConfigureAwait(false));
                    if (parsed.GetValue(postgres) is { } server)
                    {
                        runs.Add(await RunHttp("postgresql", webDll, "PostgreSql", $"{server};Database=af_bench_{Guid.NewGuid():N}", directory, clientCount, duration, wrk).ConfigureAwait(false));
                    }
                }
                finally
                {
                    Directory.Delete(directory, recursive: true);
                }
            }

            var figures = new Figures(withChallenger, scorecardOnly, runs);
            if (parsed.GetValue(json))
            {
                return context.WriteJson(figures);
            }

            Write(context, figures);
            return CliApp.Ok;
        });
        return command;
    }

    private static async Task<HttpRun> RunHttp(string name, string webDll, string provider, string connection, string directory, int clients, TimeSpan duration, string? wrk)
    {
        await using var host = await HostProcess.StartAsync(webDll, provider, connection, Path.Combine(directory, "keys-" + name)).ConfigureAwait(false);
        var bodies = DecisionWorkload.Requests(200_000, seed: 17).Select(r => JsonSerializer.SerializeToUtf8Bytes(r, Json.Options)).ToArray();
        // Until tiered compilation is done with the decision path: it stays busy for about five seconds of load on a
        // quiet machine and for much longer on a busy one, and a server that has run for an hour has none of that left.
        long sent = 0;
        var warmUp = await host.WarmUpAsync(WarmUp, async time =>
        {
            var offset = sent;
            sent += (await HttpLoad.RunAsync("warm-up", host.Address, clients, time,
                i => HttpLoad.Json(HttpMethod.Post, "/api/v1/applications", bodies[(int)((offset + i) % WarmUpBodies)], DemoData.DealerKey)).ConfigureAwait(false)).Requests;
        }).ConfigureAwait(false);
        HttpLoad.Figures health, decisions;
        TimeSpan healthProcessor, decisionsProcessor;
        using var probe = await WriterProbe.SignInAsync(host.Address, CancellationToken.None).ConfigureAwait(false);
        WriterProbe.Reading writersBefore;
        var timed = new System.Diagnostics.Stopwatch();
        if (wrk is not null)
        {
            // Applications not sent in the warm-up, each wrk thread from its own offset.
            var before = host.ProcessorTime;
            health = await WrkLoad.RunAsync(wrk, "GET /health", host.Address, clients, duration, directory, "/health").ConfigureAwait(false);
            healthProcessor = host.ProcessorTime - before;
            writersBefore = await probe.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            before = host.ProcessorTime;
            timed.Start();
            decisions = await WrkLoad.RunAsync(wrk, "POST /api/v1/applications", host.Address, clients, duration, directory, "/api/v1/applications", bodies[100_000..120_000], DemoData.DealerKey).ConfigureAwait(false);
            timed.Stop();
            decisionsProcessor = host.ProcessorTime - before;
        }
        else
        {
            var before = host.ProcessorTime;
            health = await HttpLoad.RunAsync("GET /health", host.Address, clients, duration, _ => new HttpRequestMessage(HttpMethod.Get, "/health")).ConfigureAwait(false);
            healthProcessor = host.ProcessorTime - before;
            long offset = 100_000;
            writersBefore = await probe.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            before = host.ProcessorTime;
            timed.Start();
            decisions = await HttpLoad.RunAsync("POST /api/v1/applications", host.Address, clients, duration,
                i => HttpLoad.Json(HttpMethod.Post, "/api/v1/applications", bodies[(int)((offset + i) % bodies.Length)], DemoData.DealerKey)).ConfigureAwait(false);
            timed.Stop();
            decisionsProcessor = host.ProcessorTime - before;
        }

        var writers = WriterLoad.Between(writersBefore, await probe.ReadAsync(CancellationToken.None).ConfigureAwait(false), timed.Elapsed);

        return new HttpRun(name, wrk is null ? "dotnet" : "wrk", Math.Round(warmUp.TotalSeconds, 1), health, decisions, health.RequestsPerSecond == 0 ? 0 : Math.Round(decisions.RequestsPerSecond / health.RequestsPerSecond, 3), host.PeakResidentMegabytes(),
            PerRequest(healthProcessor, health), PerRequest(decisionsProcessor, decisions), health.Failures + decisions.Failures > 0 ? host.RecentLog : [], writers);
    }

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(8);

    // The warm-up's applications come from the first 100,000; the timed ones from those after.
    private const int WarmUpBodies = 100_000;

    private static double PerRequest(TimeSpan processor, HttpLoad.Figures figures) =>
        figures.Requests <= 0 ? 0 : Math.Round(processor.TotalMilliseconds / figures.Requests, 3);

    private static string ModelPath(string? webDll)
    {
        foreach (var candidate in new[]
        {
            "models/default/car-loans.json",
            webDll is null ? null : Path.Combine(Path.GetDirectoryName(webDll)!, "models", "default", "car-loans.json"),
            Path.Combine(AppContext.BaseDirectory, "models", "default", "car-loans.json"),
        })
        {
            if (candidate is not null && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new BadInputException("the default model models/default/car-loans.json was not found; run from the repository");
    }

    private static void Write(CliContext context, Figures figures)
    {
        var p = figures.InProcess;
        var s = figures.InProcessScorecardOnly;
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in process, one core: {p.DecisionsPerSecond:N0} decisions/s ({p.MicrosecondsPerDecision:F1} µs each, {p.BytesPerDecision:N0} bytes; {p.DecisionsPerProcessorSecond:N0} per processor-second) with the challenger; {s.DecisionsPerSecond:N0}/s ({s.MicrosecondsPerDecision:F1} µs; {s.DecisionsPerProcessorSecond:N0} per processor-second) scorecard only"));
        context.Output.WriteLine($"checksum of the first 2,000 decisions: {p.Checksum} with the challenger, {s.Checksum} scorecard only");
        context.Output.WriteLine("outcomes: " + string.Join(", ", p.Outcomes.Select(o => $"{o.Key} {o.Value}")));
        foreach (var run in figures.Http)
        {
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"HTTP on {run.Database}, {run.Decisions.Clients} clients ({run.Client}): {run.Decisions.RequestsPerSecond:N0} decisions/s (p50 {run.Decisions.P50Milliseconds} ms, p99 {run.Decisions.P99Milliseconds} ms, {run.Decisions.Failures} failed) vs GET /health {run.Health.RequestsPerSecond:N0}/s (p50 {run.Health.P50Milliseconds} ms, p99 {run.Health.P99Milliseconds} ms): {run.ShareOfHealthThroughput:P1} of the baseline; host processor time {run.HostProcessorMillisecondsPerDecision:F2} ms per decision, {run.HostProcessorMillisecondsPerHealth:F3} ms per /health; host peak memory {run.HostPeakMemoryMb?.ToString("N0", CultureInfo.InvariantCulture) ?? "unknown"} MB; after {run.WarmUpSeconds:F0} s of warm-up{WriterLoad.Describe(run.Writers)}"));
            if (run.HostLog.Count > 0)
            {
                context.Error.WriteLine($"the host's last log lines on {run.Database}:");
                foreach (var line in run.HostLog)
                {
                    context.Error.WriteLine("  " + line);
                }
            }
        }
    }
}
