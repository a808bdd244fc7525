using System.Diagnostics;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Credit.Models;
using AutoFinance.Infrastructure.Security;
using AutoFinance.Infrastructure.Seeding;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// Decisions per second in process on one thread: validation, identity and fraud checks, policy, the scorecard and the
/// challenger, pricing and offers with their disclosures — everything but storage, which an in-memory store stands in for.
/// </summary>
public static class DecisionBenchmark
{
    public sealed record InProcessFigures(double DecisionsPerSecond, double MicrosecondsPerDecision, double BytesPerDecision, long Decisions, bool WithChallenger, IReadOnlyDictionary<string, long> Outcomes);

    public static InProcessFigures MeasureInProcess(string modelPath, TimeSpan duration, bool withChallenger)
    {
        var product = DemoData.DefaultProduct();
        var store = new InMemoryOriginationStore(product);
        var service = new DecisionService(
            store,
            new LookupHasher(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            new ModelSet(CreditModel.Load(modelPath)),
            new FraudSettings(),
            new OriginationOptions { ScoreChallenger = withChallenger },
            TimeProvider.System);
        var requests = DecisionWorkload.Requests(20_000, seed: 11);
        var actor = new Actor(Roles.Dealer, null, Guid.NewGuid(), null, "bench dealer");
        var outcomes = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < 2_000; i++)
        {
            Decide(service, actor, requests[i]);
        }

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
        return new InProcessFigures(Math.Round(count / seconds), Math.Round(seconds * 1e6 / count, 1), Math.Round(bytes), count, withChallenger, outcomes);
    }

    private static string Decide(DecisionService service, Actor actor, ApplicationRequest request)
    {
        // The in-memory store completes synchronously, so this measures the work, not the scheduler.
        var result = service.SubmitAsync(request, new SubmissionContext(actor, null, null, string.Empty), CancellationToken.None).GetAwaiter().GetResult();
        return result.Response?.Status ?? (result.Errors.Count > 0 ? "invalid: " + result.Errors[0].Field : "refused");
    }
}
