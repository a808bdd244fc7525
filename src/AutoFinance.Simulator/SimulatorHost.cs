using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AutoFinance.Simulator;

/// <summary>
/// Builds the simulator host. Each outside party maps its own endpoints here; they share nothing with the platform
/// but the published protocol, exactly as the real parties would.
/// </summary>
public static class SimulatorHost
{
    /// <summary>The line the simulator prints once it listens, so whoever started it learns the address it bound.</summary>
    public const string ListeningLinePrefix = "AutoFinance.Simulator listening on ";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton(TimeProvider.System);
        if (builder.Configuration.GetValue<int?>(ParentWatch.Setting) is { } parent)
        {
            builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<ParentWatch>(services, parent));
        }

        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok(new { status = "ok", processId = Environment.ProcessId }));
        Sms.SmsGatewaySimulator.Map(app);
        Identity.IdentityServiceSimulator.Map(app);
        Bureau.BureauSimulator.Map(app);
        Payments.PaymentProviderSimulator.Map(app);
        return app;
    }

    public static async Task RunAsync(WebApplication app)
    {
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Console.WriteLine(ListeningLinePrefix + addresses.First());
        await app.WaitForShutdownAsync();
    }
}
