using System.Collections.Concurrent;
using System.Net;
using AutoFinance.Application.Verification;
using AutoFinance.Infrastructure.Partners;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoFinance.Web.Tests.Partners;

/// <summary>
/// A text the gateway answers "busy" once and takes on the retry is delivered without a warning in the log; a gateway
/// that keeps failing still fails the text, with one warning for it.
/// </summary>
public sealed class PartnerTelemetryTests
{
    [Fact]
    public async Task A_text_taken_on_the_retry_leaves_no_warning_in_the_log()
    {
        var (gateway, calls, logs, provider) = Gateway(busyAnswers: 1);
        using (provider)
        {
            await gateway.SendAsync(new SmsMessage(Guid.NewGuid(), "13800138000", "你好"), CancellationToken.None);
        }

        Assert.Equal(2, calls.Count);
        Assert.Contains(logs, l => l.Category.StartsWith("Polly", StringComparison.Ordinal) && l.Text.Contains("OnRetry", StringComparison.Ordinal) && l.Level == LogLevel.Information);
        Assert.DoesNotContain(logs, l => l.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_gateway_that_stays_busy_still_fails_the_text_and_shows_in_the_log()
    {
        var (gateway, calls, logs, provider) = Gateway(busyAnswers: int.MaxValue);
        using (provider)
        {
            await Assert.ThrowsAsync<SmsGatewayUnavailableException>(() => gateway.SendAsync(new SmsMessage(Guid.NewGuid(), "13800138000", "你好"), CancellationToken.None));
        }

        Assert.Equal(3, calls.Count);
        Assert.Single(logs, l => l.Level >= LogLevel.Warning);
        Assert.Contains(logs, l => l.Category == typeof(HttpSmsGateway).FullName && l.Level == LogLevel.Warning && l.Text.Contains("503", StringComparison.Ordinal));
    }

    private static (ISmsGateway Gateway, ConcurrentQueue<int> Calls, ConcurrentQueue<(string Category, LogLevel Level, string Text)> Logs, ServiceProvider Provider) Gateway(int busyAnswers)
    {
        var calls = new ConcurrentQueue<int>();
        var logs = new ConcurrentQueue<(string, LogLevel, string)>();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new Collector(logs)).SetMinimumLevel(LogLevel.Information).AddFilter("System.Net.Http", LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Partners:Sms:BaseUrl"] = "http://gateway.invalid/" }).Build());
        services.AddSingleton<PartnerDirectory>();
        services.AddVerificationPartners();
        services.AddHttpClient<ISmsGateway, HttpSmsGateway>().ConfigurePrimaryHttpMessageHandler(() => new Stub(request =>
        {
            calls.Enqueue(calls.Count);
            return calls.Count <= busyAnswers ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.Accepted;
        }));
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<ISmsGateway>(), calls, logs, provider);
    }

    private sealed class Stub(Func<HttpRequestMessage, HttpStatusCode> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(answer(request)));
    }

    private sealed class Collector(ConcurrentQueue<(string, LogLevel, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, logs);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
