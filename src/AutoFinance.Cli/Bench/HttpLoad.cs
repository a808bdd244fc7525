using System.Diagnostics;
using System.Net.Http.Headers;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// A closed-loop HTTP load generator: N clients, each sending its next request as soon as the last one is answered,
/// for a fixed time; answers throughput and latency percentiles. Requests are made by a factory so every POST can
/// carry a different body.
/// </summary>
public static class HttpLoad
{
    public sealed record Figures(string Name, int Clients, double Seconds, long Requests, long Failures, double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds);

    public static async Task<Figures> RunAsync(string name, Uri baseAddress, int clients, TimeSpan duration, Func<long, HttpRequestMessage> request)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        long next = 0;
        long failures = 0;
        var latencies = new List<double>[clients];
        var deadline = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async c =>
        {
            var mine = latencies[c] = new List<double>(100_000);
            while (deadline.Elapsed < duration)
            {
                using var message = request(Interlocked.Increment(ref next));
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(message).ConfigureAwait(false);
                    await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var seconds = deadline.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Figures(name, clients, Math.Round(seconds, 2), all.Length, failures, Math.Round(all.Length / seconds), Percentile(all, 0.50), Percentile(all, 0.99), all.Length == 0 ? 0 : Math.Round(all[^1], 2));
    }

    public static HttpRequestMessage Json(HttpMethod method, string path, byte[] body, string apiKey)
    {
        var message = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Add("X-Api-Key", apiKey);
        return message;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 2);
}
