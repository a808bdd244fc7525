using System.Net;
using AutoFinance.Application.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Prometheus;

namespace AutoFinance.Web.Hosting;

/// <summary>
/// Settings for running the platform in a data centre: forwarded headers from known proxies, where <c>/metrics</c>
/// answers and to whom, and whether the API documentation is served.
/// </summary>
public static class OperationalSettings
{
    /// <summary>The roles that may read <c>/metrics</c> on the main port.</summary>
    public static readonly string[] MetricsRoles = [Roles.Admin, Roles.Manager, Roles.RiskAnalyst];

    /// <summary>
    /// Trusts <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> only from the proxies and networks configured under
    /// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges); with
    /// neither, nothing is trusted (not even loopback) and the headers are ignored.
    /// </summary>
    public static ForwardedHeadersOptions? ForwardedHeaders(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return null;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedHost,
            ForwardLimit = Math.Max(1, configuration.GetValue("ForwardedHeaders:ForwardLimit", 1)),
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return options;
    }

    /// <summary>The separate management port <c>/metrics</c> answers on (<c>Metrics:Port</c>), or null for the main port.</summary>
    public static int? MetricsPort(IConfiguration configuration) =>
        configuration.GetValue<int?>("Metrics:Port") is { } port and > 0 and < 65536 ? port : null;

    /// <summary>
    /// Adds the management port to the addresses Kestrel listens on (<c>Metrics:Host</c>, default localhost), keeping
    /// the configured ones.
    /// </summary>
    public static void ListenForMetrics(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (MetricsPort(builder.Configuration) is not { } port)
        {
            return;
        }

        var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey) is { Length: > 0 } configured ? configured : "http://localhost:5000";
        var host = builder.Configuration["Metrics:Host"] is { Length: > 0 } h ? h : "localhost";
        builder.WebHost.UseUrls($"{urls};http://{host}:{port}");
    }

    /// <summary>
    /// With a management port, keeps the two apart by the port the connection came in on (not by the Host header a
    /// caller writes): the management port serves only metrics and health, the main port no metrics.
    /// </summary>
    public static void UseManagementPort(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (MetricsPort(app.Configuration) is not { } port)
        {
            return;
        }

        app.Use((http, next) =>
        {
            var path = http.Request.Path;
            var allowed = http.Connection.LocalPort == port
                ? path.StartsWithSegments("/metrics") || path.StartsWithSegments("/health")
                : !path.StartsWithSegments("/metrics");
            if (allowed)
            {
                return next(http);
            }

            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// <c>/metrics</c> in Prometheus text: without sign-in on the management port when one is configured (keep that
    /// port on a private network), otherwise on the main port for <see cref="MetricsRoles"/>.
    /// </summary>
    public static void MapMetricsEndpoint(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        StorageWriterMetrics.Register();
        // The framework's meters of each request (hosting, Kestrel, routing, rate limiting, authentication) repeat what
        // UseHttpMetrics records; handing their every measurement to the exporter cost a successful payment callback
        // about 2 % of its processor time. The runtime's, EF Core's and HttpClient's meters stay.
        Metrics.ConfigureMeterAdapter(o => o.InstrumentFilterPredicate = i => !i.Meter.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var endpoint = app.MapMetrics("/metrics");
        if (MetricsPort(app.Configuration) is null)
        {
            endpoint.RequireAuthorization(p => p.RequireRole(MetricsRoles));
        }
    }

    /// <summary>
    /// Whether the OpenAPI document and its viewer at <c>/docs</c> are served: <c>Docs:Enabled</c>, by default on
    /// except in the Production environment.
    /// </summary>
    public static bool DocsEnabled(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return configuration.GetValue<bool?>("Docs:Enabled") ?? !environment.IsProduction();
    }
}
