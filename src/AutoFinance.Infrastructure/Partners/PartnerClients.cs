using AutoFinance.Application.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace AutoFinance.Infrastructure.Partners;

/// <summary>
/// The HTTP clients of the verification parties (SMS gateway, identity service, credit bureau), each behind the
/// standard resilience pipeline: a timeout per attempt, retries with back-off on transient failures, a circuit
/// breaker that stops calling a party that keeps failing, and a total timeout.
/// </summary>
public static class PartnerClients
{
    public static IServiceCollection AddVerificationPartners(this IServiceCollection services)
    {
        services.AddHttpClient<ISmsGateway, HttpSmsGateway>()
            .AddStandardResilienceHandler(o => Configure(o, attempt: TimeSpan.FromSeconds(3), total: TimeSpan.FromSeconds(10)));
        services.AddHttpClient<IIdentityVerifier, HttpIdentityVerifier>()
            .AddStandardResilienceHandler(o => Configure(o, attempt: TimeSpan.FromSeconds(4), total: TimeSpan.FromSeconds(10)));

        // An application waits for the report: a bureau that has not answered within seconds is unavailable, and
        // the application is referred rather than kept waiting. Generous enough for a busy host's first call.
        services.AddHttpClient<ICreditBureau, HttpCreditBureau>()
            .AddStandardResilienceHandler(o => Configure(o, attempt: TimeSpan.FromSeconds(4), total: TimeSpan.FromSeconds(10)));
        return services;
    }

    /// <summary>Short timeouts: a party that does not answer in seconds is treated as unavailable.</summary>
    public static void Configure(HttpStandardResilienceOptions options, TimeSpan attempt, TimeSpan total)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AttemptTimeout.Timeout = attempt;
        options.TotalRequestTimeout.Timeout = total;
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.CircuitBreaker.SamplingDuration = attempt * 2 > TimeSpan.FromSeconds(30) ? attempt * 2 : TimeSpan.FromSeconds(30);
        options.CircuitBreaker.MinimumThroughput = 10;
        options.CircuitBreaker.FailureRatio = 0.5;
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(15);
    }
}
