using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Partners;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Partners;

public sealed class SimulatorLauncherTests
{
    [Fact]
    public async Task The_platform_starts_the_partner_simulator_as_its_own_process_and_stops_it_with_itself()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"autofinance-launch-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var app = WebHost.Build(
            [
                "--urls=http://127.0.0.1:0", "--Database:Provider=Sqlite", $"--ConnectionStrings:Default=Data Source={Path.Combine(directory, "a.db")}",
                $"--Security:KeysPath={Path.Combine(directory, "keys")}", "--Logging:LogLevel:Default=Warning", "--Demo:Seed=false",
                "--Partners:Simulator:Launch=true", "--Partners:Simulator:Url=http://127.0.0.1:0",
            ]);
            await app.StartAsync();
            var simulator = app.Services.GetRequiredService<PartnerDirectory>().Simulator;
            using var client = new HttpClient();
            var health = await client.GetFromJsonAsync<JsonElement>(new Uri(simulator, "/health"));
            Assert.Equal("ok", health.GetProperty("status").GetString());
            var processId = health.GetProperty("processId").GetInt32();
            Assert.NotEqual(Environment.ProcessId, processId);

            await app.StopAsync();
            await app.DisposeAsync();
            Assert.False(IsRunning(processId));
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(simulator, "/health")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
