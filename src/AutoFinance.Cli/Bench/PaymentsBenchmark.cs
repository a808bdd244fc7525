using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AutoFinance.Application.Payments;
using AutoFinance.Cli.Common;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// <c>autofinance bench payments</c>: the platform over HTTP (its own process, on SQLite, with the partner simulator
/// as its child) taking customers' payment intents — each one a checkout opened at the provider — and then the
/// provider's signed callbacks for them (signature verified, the intent settled), per second with p50/p99, beside GET /health on the same host measured just before;
/// then callbacks saying the payment succeeded, each posting the money to its loan's ledger durably, on copies of the
/// customer's loan, each client posting to loans of its own (so no two postings meet on one loan), a fixed number of
/// them so the ledger they leave is the same on every run of the same day (its checksum is printed).
/// </summary>
public static class PaymentsBenchmark
{
    // Tiered compilation stayed busy well past two seconds of load: a profile of the first timed intents found the
    // host's background compiler taking over a quarter of its processor time (as for HTTP decisions). Each path is
    // warmed up for this long and then until the compiler is quiet: a fixed eight seconds left the compiler a fifth
    // of the host's processor time through the timed successful payments on a busy machine.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(8);

    /// <param name="HostProcessorMillisecondsPerRequest">The platform process's processor time in the phase per request answered (the provider simulator's not counted): what a busy machine disturbs least.</param>
    /// <param name="Writers">How busy the host's group-commit writers were in the phase.</param>
    /// <param name="CompilerShare">The host's tiered compiler's processor time in the phase as a share of the phase's time (null where not known): near 0 when the path was warm.</param>
    public sealed record Phase(string Name, int Clients, double Seconds, long Requests, long Failures, double PerSecond, double P50Milliseconds, double P99Milliseconds, double HostProcessorMillisecondsPerRequest, IReadOnlyList<WriterLoad> Writers, double? CompilerShare);

    /// <summary>What a phase reads of the host before and after: its processor time, its compiler's and its writers' totals.</summary>
    private sealed record HostMeters(HostProcess Host, WriterProbe Writers);

    /// <param name="Health">GET /health on the same host with as many clients, just before: the baseline the payment rates are shares of.</param>
    /// <param name="Postings">Callbacks saying the checkout succeeded, each posting the payment to its loan.</param>
    /// <param name="Checksum">A digest of the posted loans' ledgers, payments and intents (<see cref="PaymentsBook.ChecksumAsync"/>): equal on every run of the same build, inputs and day.</param>
    /// <param name="NotPosted">Intents of the posted loans the platform settled without posting their money (a conflict on the loan): none is expected.</param>
    /// <param name="Delivery">The outbox run after the postings, delivering the receipts they raised (and the warm-up's).</param>
    public sealed record Figures(Phase Intents, Phase Callbacks, Phase Postings, HttpLoad.Figures Health, int Loans, string Checksum, int NotPosted, Delivery Delivery);

    /// <summary>What one run of the outbox job (asked for by an admin, as from the jobs page) delivered, by channel.</summary>
    /// <param name="Left">Messages still due when it ended: none is expected.</param>
    public sealed record Delivery(long Messages, long Texts, long InApp, double Seconds, double PerSecond, double HostProcessorMillisecondsPerMessage, long Left);

    public static Command Create(CliContext context, Option<string?> seconds, Option<bool> json)
    {
        var clients = new Option<string?>("--clients") { Description = "Concurrent HTTP clients (default 16)." };
        var loans = new Option<string?>("--loans") { Description = "Loans the successful payments are posted to, each client posting to loans of its own (default 512, at least --clients)." };
        var postings = new Option<string?>("--postings") { Description = "Successful payments posted, spread evenly over --loans (default 5000)." };
        var web = new Option<string?>("--web") { Description = "Path to AutoFinance.Web.dll (default: this repository's Release build)." };
        var command = new Command("payments", "Payment intents, signed provider callbacks and successful payments posted per second over HTTP, with p50/p99.") { seconds, clients, loans, postings, web, json };
        command.SetAction(async (parsed, ct) =>
        {
            var input = new InputReader();
            var duration = input.Duration("seconds", parsed.GetValue(seconds), 5m);
            var clientCount = input.IntegerBetween("clients", parsed.GetValue(clients), 16, 1, 512);
            var loanCount = input.IntegerBetween("loans", parsed.GetValue(loans), 512, 1, 100_000);
            var postingCount = input.IntegerBetween("postings", parsed.GetValue(postings), 5_000, 1, 1_000_000);
            if (loanCount < clientCount)
            {
                input.Add(new FieldError("loans", $"must be at least --clients ({clientCount}): each client posts to loans of its own"));
            }

            input.ThrowIfAny();
            var webDll = HostProcess.FindWebDll(parsed.GetValue(web));
            var directory = Path.Combine(Path.GetTempPath(), $"autofinance-bench-{Guid.NewGuid():N}");
            Directory.CreateDirectory(directory);
            try
            {
                var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
                var connection = $"Data Source={Path.Combine(directory, "bench.db")}";
                // No scheduled job runs during the phases: the receipts the postings raise wait in the outbox for the
                // delivery measured after them, by one run of the outbox job, which drains for up to its interval.
                await using var host = await HostProcess.StartAsync(webDll, "Sqlite", connection, directory,
                    ["--Partners:Simulator:Url=http://127.0.0.1:0", $"--Partners:Payments:CallbackSecret={secret}", "--Partners:Payments:CheckoutTimeoutSeconds=3600", "--Scheduler:Enabled=false", "--Outbox:IntervalSeconds=20"]).ConfigureAwait(false);
                var book = new Book(() => CobBenchmark.Open("sqlite", connection), loanCount, postingCount);
                var figures = await MeasureAsync(host, secret, clientCount, duration, book, ct).ConfigureAwait(false);
                if (parsed.GetValue(json))
                {
                    return context.WriteJson(figures);
                }

                var health = figures.Health;
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"GET /health (baseline, same host): {health.RequestsPerSecond:N0}/s with {health.Clients} clients, p50 {health.P50Milliseconds:F1} ms, p99 {health.P99Milliseconds:F1} ms ({health.Failures} failed)"));
                foreach (var phase in new[] { figures.Intents, figures.Callbacks, figures.Postings })
                {
                    var share = health.RequestsPerSecond == 0 ? 0 : phase.PerSecond / health.RequestsPerSecond;
                    context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{phase.Name}: {phase.PerSecond:N0}/s with {phase.Clients} clients over HTTP ({share:P1} of /health), p50 {phase.P50Milliseconds:F1} ms, p99 {phase.P99Milliseconds:F1} ms, {phase.HostProcessorMillisecondsPerRequest:F2} ms of the platform's processor time each ({phase.Requests:N0} in {phase.Seconds:F1} s, {phase.Failures} failed){WriterLoad.Describe(phase.Writers)}{(phase.CompilerShare is { } compiler ? $"; tiered compiler {compiler:P1} of the phase" : string.Empty)}"));
                }

                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ledger of the {figures.Postings.Requests:N0} payments posted on {figures.Loans:N0} loans: checksum {figures.Checksum} ({figures.NotPosted} settled without being posted)"));
                var delivery = figures.Delivery;
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"receipts delivered by one outbox run: {delivery.PerSecond:N0} messages/s, {delivery.Messages:N0} in {delivery.Seconds:F1} s ({delivery.Texts:N0} by SMS through the gateway simulator, {delivery.InApp:N0} to the inbox), {delivery.HostProcessorMillisecondsPerMessage:F2} ms of the platform's processor time each ({delivery.Left} left due)"));
                return CliApp.Ok;
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        });
        return command;
    }

    /// <summary>Where the bench reads and writes the host's database, how many loans the successful payments go to and how many there are.</summary>
    private sealed record Book(Func<AutoFinanceDbContext> Open, int Loans, int Postings);

    private static async Task<Figures> MeasureAsync(HostProcess host, string secret, int clients, TimeSpan duration, Book book, CancellationToken ct)
    {
        var address = host.Address;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var token = (await (await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "13800138000", password = DemoData.Password }, ct).ConfigureAwait(false))
            .Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false)).GetProperty("accessToken").GetString();
        var loans = await SendAsync(http, HttpMethod.Get, "/api/v1/loans", null, token, null, ct).ConfigureAwait(false);
        var loanId = JsonDocument.Parse(loans.Body).RootElement.EnumerateArray().First(l => l.GetProperty("status").GetString() == "active").GetProperty("loanId").GetString();
        IReadOnlyList<Guid> warmLoans, bookLoans;
        await using (var copying = book.Open())
        {
            warmLoans = await PaymentsBook.CopyAsync(copying, Guid.Parse(loanId!), "LNW", clients, ct).ConfigureAwait(false);
            bookLoans = await PaymentsBook.CopyAsync(copying, Guid.Parse(loanId!), "LNP", book.Loans, ct).ConfigureAwait(false);
        }

        var health = await HttpLoad.RunAsync("GET /health", address, clients, duration, _ => new HttpRequestMessage(HttpMethod.Get, "/health")).ConfigureAwait(false);
        using var probe = await WriterProbe.SignInAsync(address, ct).ConfigureAwait(false);
        var meters = new HostMeters(host, probe);
        // A checkout opened on the loan; null when refused.
        async Task<(string Id, decimal Amount)?> OpenAsync(string loan, decimal amount, string key)
        {
            var body = JsonSerializer.Serialize(new { amount });
            var answer = await SendAsync(http, HttpMethod.Post, $"/api/v1/loans/{loan}/payments", body, token, key, ct).ConfigureAwait(false);
            if (answer.Status != HttpStatusCode.Accepted)
            {
                return null;
            }

            var intent = JsonDocument.Parse(answer.Body).RootElement;
            return (intent.GetProperty("paymentId").GetString()!, intent.GetProperty("amount").GetDecimal());
        }

        // The provider's signed callback for the intent; a success carries the provider's transaction id and must be answered as posted.
        async Task<bool> CallbackAsync((string Id, decimal Amount) intent, string name, bool succeeded)
        {
            var body = JsonSerializer.Serialize(new
            {
                eventId = $"evt_{name}",
                type = succeeded ? "checkout.succeeded" : "checkout.failed",
                objectId = $"chk_{name}",
                merchantReference = intent.Id,
                transactionId = succeeded ? $"txn_{name}" : null,
                amount = intent.Amount.ToString("0.00", CultureInfo.InvariantCulture),
                currency = "CNY",
                reason = succeeded ? null : "declined-by-payer",
                occurredAt = DateTimeOffset.UtcNow,
            });
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payment-callbacks/simpay") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add(CallbackSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(CallbackSignature.SignatureHeader, CallbackSignature.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            return !succeeded || JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)).RootElement.GetProperty("outcome").GetString() == "posted";
        }

        Func<int, long, Task<bool?>> Intents(ConcurrentQueue<(string Id, decimal Amount)> opened, string keys) => async Task<bool?> (_, n) =>
        {
            if (await OpenAsync(loanId!, 1.00m + (n % 100) / 100m, $"{keys}-{n}").ConfigureAwait(false) is not { } intent)
            {
                return false;
            }

            opened.Enqueue(intent);
            return true;
        };

        Func<int, long, Task<bool?>> Callbacks(ConcurrentQueue<(string Id, decimal Amount)> opened, string events) => async Task<bool?> (_, n) =>
            opened.TryDequeue(out var intent) ? await CallbackAsync(intent, $"{events}_{n}", succeeded: false).ConfigureAwait(false) : null;

        // Every path runs before the timed phases until the host's compiler is done with it, so compiling is not counted.
        var warm = new ConcurrentQueue<(string Id, decimal Amount)>();
        long warmRound = 0;
        Task WarmUpAsync(Func<string, Func<int, long, Task<bool?>>> round) =>
            host.WarmUpAsync(WarmUp, time => RunAsync("warm-up", clients, time, meters, round($"warm{Interlocked.Increment(ref warmRound)}")));
        await WarmUpAsync(keys => Intents(warm, keys)).ConfigureAwait(false);
        // The callbacks' warm-up settles the intents opened in the intents' and opens more when they run out.
        await WarmUpAsync(events => async (_, n) =>
        {
            if (!warm.TryDequeue(out var intent))
            {
                if (await OpenAsync(loanId!, 1.00m, $"{events}-open-{n}").ConfigureAwait(false) is not { } opened)
                {
                    return false;
                }

                intent = opened;
            }

            return await CallbackAsync(intent, $"{events}_{n}", succeeded: false).ConfigureAwait(false);
        }).ConfigureAwait(false);
        await WarmUpAsync(name => async (client, n) =>
            await OpenAsync(warmLoans[client].ToString(), 1.00m + (n % 100) / 100m, $"{name}-pay-{n}").ConfigureAwait(false) is { } intent
                && await CallbackAsync(intent, $"{name}_pay_{n}", succeeded: true).ConfigureAwait(false)).ConfigureAwait(false);

        var intents = new ConcurrentQueue<(string Id, decimal Amount)>();
        var intentPhase = await RunAsync("payment intents (checkout opened at the provider)", clients, duration, meters, Intents(intents, "bench")).ConfigureAwait(false);
        var callbackPhase = await RunAsync("signed callbacks (verified, intent settled)", clients, duration, meters, Callbacks(intents, "bench")).ConfigureAwait(false);

        // The successful payments' checkouts, opened untimed: payment k goes to loan k mod L, and each client sends, in
        // order, the callbacks of the loans it owns (those whose number is its own modulo the clients).
        var owned = Enumerable.Range(0, clients).Select(_ => new Queue<((string Id, decimal Amount) Intent, int Number)>()).ToArray();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            for (var k = 0; k < book.Postings; k++)
            {
                var loan = k % book.Loans;
                if (loan % clients == client)
                {
                    var intent = await OpenAsync(bookLoans[loan].ToString(), 1.00m + (k % 100) / 100m, $"book-{k}").ConfigureAwait(false)
                        ?? throw new InvalidOperationException($"the checkout of payment {k} on loan {bookLoans[loan]} was refused");
                    owned[client].Enqueue((intent, k));
                }
            }
        })).ConfigureAwait(false);
        var postingPhase = await RunAsync("successful payments (verified, posted to the loan durably)", clients, TimeSpan.MaxValue, meters, async (client, _) =>
            owned[client].TryDequeue(out var next) ? await CallbackAsync(next.Intent, $"book_{next.Number}", succeeded: true).ConfigureAwait(false) : null).ConfigureAwait(false);
        var (checksum, notPosted) = await ChecksumAsync(book, bookLoans, ct).ConfigureAwait(false);
        var delivery = await DeliverAsync(address, () => host.ProcessorTime, book, ct).ConfigureAwait(false);
        return new Figures(intentPhase, callbackPhase, postingPhase, health, book.Loans, checksum, notPosted, delivery);
    }

    private static async Task<(string Checksum, int NotPosted)> ChecksumAsync(Book book, IReadOnlyList<Guid> loans, CancellationToken ct)
    {
        await using var db = book.Open();
        return await PaymentsBook.ChecksumAsync(db, loans, ct).ConfigureAwait(false);
    }

    /// <summary>An admin runs the outbox job now (its run drains what is due); the messages it marked sent, by channel, from the database.</summary>
    private static async Task<Delivery> DeliverAsync(Uri address, Func<TimeSpan> hostProcessor, Book book, CancellationToken ct)
    {
        async Task<Dictionary<string, int>> SentAsync()
        {
            await using var db = book.Open();
            return await db.Outbox.AsNoTracking().Where(m => m.Status == Infrastructure.Servicing.OutboxStatus.Sent).GroupBy(m => m.Channel)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);
        }

        // A run delivers thousands of messages: longer than a request is usually given.
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
        var token = (await (await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = DemoData.Password }, ct).ConfigureAwait(false))
            .Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false)).GetProperty("accessToken").GetString();
        var before = await SentAsync().ConfigureAwait(false);
        var processorBefore = hostProcessor();
        var clock = Stopwatch.StartNew();
        var run = await SendAsync(http, HttpMethod.Post, "/api/v1/jobs/outbox-dispatch/run", null, token, null, ct).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var processor = (hostProcessor() - processorBefore).TotalMilliseconds;
        if (run.Status != HttpStatusCode.OK || JsonDocument.Parse(run.Body).RootElement.GetProperty("outcome").GetString() != "succeeded")
        {
            throw new InvalidOperationException($"the outbox run failed: {(int)run.Status} {run.Body}");
        }

        var after = await SentAsync().ConfigureAwait(false);
        long Delivered(string channel) => after.GetValueOrDefault(channel) - before.GetValueOrDefault(channel);
        var messages = after.Keys.Sum(Delivered);
        var now = DateTimeOffset.UtcNow;
        await using var db = book.Open();
        var left = await db.Outbox.CountAsync(m => m.Status == Infrastructure.Servicing.OutboxStatus.Pending && m.NextAttemptAt <= now, ct).ConfigureAwait(false);
        return new Delivery(messages, Delivered("sms"), Delivered("in-app"), seconds, messages / seconds, messages == 0 ? 0 : processor / messages, left);
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient http, HttpMethod method, string path, string? body, string? token, string? key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
    }

    /// <summary>
    /// Runs <paramref name="clients"/> loops of <paramref name="call"/> (given the client's number and the call's) for the
    /// duration or until a call answers null; the rate and latency percentiles of those that succeeded.
    /// </summary>
    private static async Task<Phase> RunAsync(string name, int clients, TimeSpan duration, HostMeters meters, Func<int, long, Task<bool?>> call)
    {
        var latencies = new ConcurrentBag<double>();
        long counter = 0, failures = 0;
        var writersBefore = await meters.Writers.ReadAsync(CancellationToken.None).ConfigureAwait(false);
        var processorBefore = meters.Host.ProcessorTime;
        var compilerBefore = meters.Host.CompilerReading();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            while (clock.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref counter);
                var started = Stopwatch.GetTimestamp();
                bool? ok;
                try
                {
                    ok = await call(client, n).ConfigureAwait(false);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                if (ok is null)
                {
                    return;
                }

                if (ok == true)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var seconds = elapsed.TotalSeconds;
        var processor = (meters.Host.ProcessorTime - processorBefore).TotalMilliseconds;
        var compiler = meters.Host.CompilerTimeSince(compilerBefore);
        var writers = WriterLoad.Between(writersBefore, await meters.Writers.ReadAsync(CancellationToken.None).ConfigureAwait(false), elapsed);
        var sorted = latencies.OrderBy(l => l).ToArray();
        double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Phase(name, clients, seconds, sorted.Length, failures, sorted.Length / seconds, Percentile(0.50), Percentile(0.99),
            sorted.Length == 0 ? 0 : processor / sorted.Length, writers, compiler is { } c ? c.TotalMilliseconds / elapsed.TotalMilliseconds : null);
    }
}
