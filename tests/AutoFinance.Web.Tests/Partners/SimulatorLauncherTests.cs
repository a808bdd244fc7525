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
            Assert.False(Processes.IsRunning(processId));
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(simulator, "/health")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_simulator_whose_starter_was_killed_outright_stops_itself()
    {
        // The starter stands in for a platform or test run killed without the chance to stop its simulator.
        using var starter = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, SimulatorProcess.AssemblyFileName), "--urls=http://127.0.0.1:0", $"--{SimulatorProcess.ParentProcessSetting}={starter.Id}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var simulator = Process.Start(start)!;
        try
        {
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            simulator.OutputDataReceived += (_, line) =>
            {
                if (line.Data?.StartsWith("AutoFinance.Simulator listening on ", StringComparison.Ordinal) == true)
                {
                    listening.TrySetResult();
                }
            };
            simulator.ErrorDataReceived += (_, _) => { };
            simulator.BeginOutputReadLine();
            simulator.BeginErrorReadLine();
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(simulator.HasExited);

            starter.Kill();
            await starter.WaitForExitAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await simulator.WaitForExitAsync(deadline.Token);
            Assert.True(simulator.HasExited);
        }
        finally
        {
            if (!simulator.HasExited)
            {
                simulator.Kill(entireProcessTree: true);
            }
        }
    }
}
