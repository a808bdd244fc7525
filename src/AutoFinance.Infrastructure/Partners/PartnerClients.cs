using System.ComponentModel.DataAnnotations;
using AutoFinance.Application.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly.Telemetry;

namespace AutoFinance.Infrastructure.Partners;

/// <summary>
/// The HTTP clients of the verification parties (SMS gateway, identity service, credit bureau), each behind the
/// standard resilience pipeline: a timeout per attempt, retries with back-off on transient failures, a circuit
/// breaker that stops calling a party that keeps failing, and a total timeout; a retry is logged as Information
/// (<see cref="PartnerTelemetry"/>).
/// </summary>
public static class PartnerClients
{
    public static IServiceCollection AddVerificationPartners(this IServiceCollection services)
    {
        services.Configure<TelemetryOptions>(o => o.SeverityProvider = PartnerTelemetry.Severity);
        services.AddHttpClient<ISmsGateway, HttpSmsGateway>()
            .AddStandardResilienceHandler(o => Configure(o, attempt: TimeSpan.FromSeconds(3), total: TimeSpan.FromSeconds(10), minimumThroughput: OutboxTexts));
        services.AddHttpClient<IIdentityVerifier, HttpIdentityVerifier>()
            .AddStandardResilienceHandler(o => Configure(o, attempt: TimeSpan.FromSeconds(4), total: TimeSpan.FromSeconds(10)));

        // An application waits for the report: a bureau that has not answered within seconds is unavailable, and
        // the application is referred rather than kept waiting. Generous enough for a busy host's first call.
        services.AddHttpClient<ICreditBureau, HttpCreditBureau>()
            .AddStandardResilienceHandler(o => Configure(o, attempt: TimeSpan.FromSeconds(4), total: TimeSpan.FromSeconds(10)));
        return services;
    }

    /// <summary>
    /// The calls the SMS gateway's breaker judges at least: the outbox sends tens of texts at once, and a gateway's
    /// busy answers come back at once while its acceptances take tens of milliseconds, so the first ten calls to end
    /// could be mostly busy answers from a gateway taking nearly every text.
    /// </summary>
    private const int OutboxTexts = 100;

    /// <summary>
    /// Polly checks each strategy's options against their <c>[Range]</c> attributes, which the whole process shares and
    /// which set themselves up on first use without a lock (dotnet/runtime#1143, Polly#2412): two hosts, or two first
    /// requests, building their pipelines at once could fail with an InvalidCastException. They are set up once here.
    /// </summary>
    private static readonly Lazy<bool> RangesReady = new(() =>
    {
        foreach (var strategy in new object[] { new HttpRetryStrategyOptions(), new HttpCircuitBreakerStrategyOptions(), new HttpTimeoutStrategyOptions(), new HttpRateLimiterStrategyOptions() })
        {
            Validator.TryValidateObject(strategy, new ValidationContext(strategy), null, validateAllProperties: true);
        }

        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Short timeouts: a party that does not answer in seconds is treated as unavailable.</summary>
    public static void Configure(HttpStandardResilienceOptions options, TimeSpan attempt, TimeSpan total, int minimumThroughput = 10)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = RangesReady.Value;
        options.AttemptTimeout.Timeout = attempt;
        options.TotalRequestTimeout.Timeout = total;
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.CircuitBreaker.SamplingDuration = attempt * 2 > TimeSpan.FromSeconds(30) ? attempt * 2 : TimeSpan.FromSeconds(30);
        options.CircuitBreaker.MinimumThroughput = minimumThroughput;
        options.CircuitBreaker.FailureRatio = 0.5;
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(15);
    }
}
