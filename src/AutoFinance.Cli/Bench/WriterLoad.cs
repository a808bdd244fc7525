using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Seeding;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// How busy one of the host's group-commit writers was during a timed phase, from its totals at <c>/metrics</c>
/// before and after: the share of the phase it spent storing batches, the writes a batch carried and the time a
/// batch took. A writer busy nearly all of the phase is what held the phase's throughput, whatever the request path costs.
/// </summary>
public sealed record WriterLoad(string Writer, double BusyShare, double WritesPerBatch, double MillisecondsPerBatch, long Batches)
{
    /// <summary>The loads of the writers that stored anything between the two readings.</summary>
    public static IReadOnlyList<WriterLoad> Between(WriterProbe.Reading before, WriterProbe.Reading after, TimeSpan phase)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var loads = new List<WriterLoad>();
        foreach (var (writer, end) in after.Writers.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            var start = before.Writers.GetValueOrDefault(writer);
            var batches = end.Batches - start.Batches;
            if (batches <= 0)
            {
                continue;
            }

            var busy = end.BusySeconds - start.BusySeconds;
            loads.Add(new WriterLoad(writer, Math.Round(busy / phase.TotalSeconds, 3), Math.Round((end.Writes - start.Writes) / batches, 1), Math.Round(busy * 1000 / batches, 2), (long)batches));
        }

        return loads;
    }

    /// <summary>"writers: changes busy 87 % of the phase (4.6 writes, 3.10 ms a batch); …", or empty when none wrote.</summary>
    public static string Describe(IReadOnlyList<WriterLoad> loads)
    {
        ArgumentNullException.ThrowIfNull(loads);
        return loads.Count == 0
            ? string.Empty
            : "; writers: " + string.Join(", ", loads.Select(l => string.Create(CultureInfo.InvariantCulture,
                $"{l.Writer} busy {l.BusyShare:P0} of the phase ({l.WritesPerBatch:F1} writes, {l.MillisecondsPerBatch:F2} ms a batch)")));
    }
}

/// <summary>Reads the host's writer totals at <c>/metrics</c>, signed in as the demo admin.</summary>
public sealed class WriterProbe : IDisposable
{
    /// <summary>Each writer's totals at one moment.</summary>
    public sealed record Reading(IReadOnlyDictionary<string, (double Batches, double Writes, double BusySeconds)> Writers);

    private readonly HttpClient _http;

    private WriterProbe(HttpClient http) => _http = http;

    public static async Task<WriterProbe> SignInAsync(Uri host, CancellationToken ct)
    {
        var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var answer = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = DemoData.Password }, ct).ConfigureAwait(false);
            answer.EnsureSuccessStatusCode();
            var token = (await answer.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false)).GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new WriterProbe(http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public async Task<Reading> ReadAsync(CancellationToken ct) =>
        Parse(await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct).ConfigureAwait(false));

    /// <summary>The writers' totals in a <c>/metrics</c> text (Prometheus exposition format).</summary>
    public static Reading Parse(string metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var writers = new Dictionary<string, (double Batches, double Writes, double BusySeconds)>(StringComparer.Ordinal);
        foreach (var line in metrics.Split('\n'))
        {
            if (Sample(line) is not { } sample)
            {
                continue;
            }

            var (metric, writer, value) = sample;
            var totals = writers.GetValueOrDefault(writer);
            writers[writer] = metric switch
            {
                "autofinance_storage_writer_batches_total" => totals with { Batches = value },
                "autofinance_storage_writer_items_total" => totals with { Writes = value },
                "autofinance_storage_writer_busy_seconds_total" => totals with { BusySeconds = value },
                _ => totals,
            };
        }

        return new Reading(writers);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A writer metric's line: <c>name{writer="w"} value</c>.</summary>
    private static (string Metric, string Writer, double Value)? Sample(string line)
    {
        const string Label = "{writer=\"";
        var open = line.IndexOf(Label, StringComparison.Ordinal);
        if (!line.StartsWith("autofinance_storage_writer_", StringComparison.Ordinal) || open < 0)
        {
            return null;
        }

        var close = line.IndexOf("\"}", open, StringComparison.Ordinal);
        return close > 0 && double.TryParse(line[(close + 2)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (line[..open], line[(open + Label.Length)..close], value)
            : null;
    }
}
