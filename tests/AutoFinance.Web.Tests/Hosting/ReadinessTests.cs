using System.Collections.Concurrent;
using System.Net;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoFinance.Web.Tests.Hosting;

/// <summary>
/// A new database with every background worker on and running each second: the workers wait until the platform is
/// ready, so nothing logs "no such table"; a hosted service started before the platform's own sees the gate shut.
/// </summary>
public sealed class WorkingPlatform : SqlitePlatform
{
    public ConcurrentQueue<string> Log { get; } = new();

    public ReadinessProbe Probe { get; } = new();

    protected override IEnumerable<string> Arguments => ["--Outbox:Enabled=true", "--Outbox:IntervalSeconds=1", "--ServiceDesk:EscalationCheckSeconds=1", "--Scheduler:Enabled=true"];

    protected override void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddProvider(new QueueLoggerProvider(Log));
        builder.Services.AddSingleton<IHostedService>(services => Probe.Attach(services));
    }
}

/// <summary>Looks at the readiness gate as the host starts it (before the platform prepares), and again once it opens.</summary>
public sealed class ReadinessProbe : IHostedService
{
    private IServiceProvider? _services;

    public bool? ReadyWhenStarting { get; private set; }

    public Task<int> OutboxRowsWhenReady { get; private set; } = Task.FromResult(-1);

    public ReadinessProbe Attach(IServiceProvider services)
    {
        _services = services;
        return this;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var readiness = _services!.GetRequiredService<Readiness>();
        ReadyWhenStarting = readiness.IsReady;
        OutboxRowsWhenReady = CountWhenReadyAsync(readiness);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<int> CountWhenReadyAsync(Readiness readiness)
    {
        await readiness.WaitAsync(CancellationToken.None);
        await using var scope = _services!.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().Outbox.CountAsync();
    }
}

public sealed class ReadinessTests(WorkingPlatform platform) : IClassFixture<WorkingPlatform>
{
    [Fact]
    public async Task The_gate_is_shut_until_preparation_completes_and_workers_never_query_a_missing_table()
    {
        Assert.False(platform.Probe.ReadyWhenStarting);
        Assert.True(await platform.Probe.OutboxRowsWhenReady >= 0);
        Assert.True(platform.App.Services.GetRequiredService<Readiness>().IsReady);

        // A few rounds of each worker (each runs every second).
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var log = string.Join(Environment.NewLine, platform.Log);
        Assert.DoesNotContain("no such table", log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("does not exist", log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("round failed", log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("check failed", log, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Live_and_ready_answer_once_started()
    {
        using var client = platform.Anonymous();

        Assert.Equal("alive", await client.GetStringAsync(new Uri("/health/live", UriKind.Relative)));
        Assert.Equal("healthy", await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
        Assert.Equal("healthy", await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
    }

    [Fact]
    public void Ready_answers_503_while_the_gate_is_shut_and_live_answers_200()
    {
        var readiness = new Readiness();

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, StatusOf(HealthEndpoints.Ready(readiness)));
        Assert.Equal(StatusCodes.Status200OK, StatusOf(HealthEndpoints.Live()));
        readiness.Open();
        Assert.Equal(StatusCodes.Status200OK, StatusOf(HealthEndpoints.Ready(readiness)));
    }

    private static int StatusOf(IResult result) => result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK;
}

/// <summary>Keeps every log line (message and exception) the platform writes at its configured level.</summary>
public sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new QueueLogger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class QueueLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
