using AutoFinance.Infrastructure.Partners;

namespace AutoFinance.Web.Tests;

/// <summary>
/// One partner simulator process shared by every platform the tests start (it serves each by the callback addresses
/// the platform gives it), killed when the test run ends.
/// </summary>
public static class TestSimulator
{
    private static readonly Lazy<Task<SimulatorProcess>> Process = new(StartAsync);

    public static async Task<Uri> AddressAsync() => (await Process.Value).Address;

    /// <summary>Settings that point a platform at the shared simulator instead of starting its own.</summary>
    public static async Task<string[]> ArgumentsAsync() =>
        ["--Partners:Simulator:Launch=false", $"--Partners:Simulator:Url={await AddressAsync()}"];

    private static async Task<SimulatorProcess> StartAsync()
    {
        var simulator = await SimulatorProcess.StartAsync("http://127.0.0.1:0", [], TimeSpan.FromSeconds(60), CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => simulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return simulator;
    }
}
