using System.Diagnostics;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Credit.Models;
using AutoFinance.Infrastructure.Security;
using AutoFinance.Infrastructure.Seeding;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// Decisions per second in process on one thread: validation, identity and fraud checks, policy, the scorecard and the
/// challenger, pricing and offers with their disclosures — everything but storage, which an in-memory store stands in for,
/// and the outside parties, whose answers <see cref="BenchScreening"/> has ready.
/// </summary>
public static class DecisionBenchmark
{
    /// <param name="DecisionsPerProcessorSecond">Decisions per second of processor time the process used meanwhile: the
    /// one-core rate as a machine shared with other work would give it, when the wall clock is disturbed.</param>
    /// <param name="Checksum">A digest of the first 2,000 decisions' status, score, grade, pd, challenger pd and offers (term, rate, payment, APR): equal on every run of the same build on the same day.</param>
    public sealed record InProcessFigures(double DecisionsPerSecond, double MicrosecondsPerDecision, double BytesPerDecision, long Decisions, bool WithChallenger, IReadOnlyDictionary<string, long> Outcomes, double DecisionsPerProcessorSecond, string Checksum);

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static InProcessFigures MeasureInProcess(string modelPath, TimeSpan duration, bool withChallenger)
    {
        var product = DemoData.DefaultProduct();
        var store = new InMemoryOriginationStore(product);
        var requests = DecisionWorkload.Requests(20_000, seed: 11);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var service = new DecisionService(
            store,
            new LookupHasher(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            new ModelSet(CreditModel.Load(modelPath)),
            new FraudSettings(),
            new OriginationOptions { ScoreChallenger = withChallenger },
            TimeProvider.System,
            screening: new BenchScreening(requests, today));
        var actor = new Actor(Roles.Dealer, null, Guid.NewGuid(), null, "bench dealer");
        var outcomes = new Dictionary<string, long>(StringComparer.Ordinal);
        var digest = 14695981039346656037UL;
        for (var i = 0; i < 2_000; i++)
        {
            digest = Mix(digest, Describe(Submit(service, actor, requests[i])));
        }

        // Untimed, long enough for tiered compilation and dynamic PGO to finish recompiling the hot methods, so that
        // their recompilation does not land in the measured pass: at least two seconds and one pass over the requests.
        var warmUp = Stopwatch.StartNew();
        for (var i = 2_000; warmUp.Elapsed < WarmUp || i < requests.Length; i++)
        {
            Decide(service, actor, requests[i % requests.Length]);
        }

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed < duration)
        {
            var status = Decide(service, actor, requests[(int)(count % requests.Length)]);
            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
            count++;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / count;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return new InProcessFigures(Math.Round(count / seconds), Math.Round(seconds * 1e6 / count, 1), Math.Round(bytes), count, withChallenger, outcomes, Math.Round(count / cpu), $"{digest:x16}");
    }

    private static string Decide(DecisionService service, Actor actor, ApplicationRequest request)
    {
        var result = Submit(service, actor, request);
        return result.Response?.Status ?? (result.Errors.Count > 0 ? "invalid: " + result.Errors[0].Field : "refused");
    }

    // The in-memory store completes synchronously, so this measures the work, not the scheduler.
    private static SubmissionResult Submit(DecisionService service, Actor actor, ApplicationRequest request) =>
        service.SubmitAsync(request, new SubmissionContext(actor, null, null, string.Empty), CancellationToken.None).GetAwaiter().GetResult();

    private static string Describe(SubmissionResult result)
    {
        if (result.Response is not { } r)
        {
            return result.Errors.Count > 0 ? "invalid:" + result.Errors[0].Field : "refused";
        }

        var offers = string.Join(";", r.Offers.Select(o => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{o.TermMonths}/{o.Method}/{o.DownPayment}/{o.AnnualRate}/{o.Payment}/{o.AnnualisedRate}/{o.TotalRepayable}")));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Status}|{r.Score}|{r.RiskGrade}|{string.Join(",", r.Reasons.Select(x => x.Code))}|{offers}");
    }

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }
}
