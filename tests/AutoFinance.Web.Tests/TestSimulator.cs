using AutoFinance.Infrastructure.Partners;

namespace AutoFinance.Web.Tests;

/// <summary>
/// One partner simulator process shared by every platform the tests start (it serves each by the callback addresses
/// the platform gives it), killed when the test run ends.
/// </summary>
public static class TestSimulator
{
    private static readonly Lazy<Task<SimulatorProcess>> Process = new(StartAsync);

    /// <summary>The payment provider's callback secret for this test run, made afresh so none is kept in the repository.</summary>
    public static string PaymentsCallbackSecret { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The SMS gateway's secret for the replies it pushes, likewise made afresh.</summary>
    public static string SmsCallbackSecret { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static async Task<Uri> AddressAsync() => (await Process.Value).Address;

    /// <summary>Settings that point a platform at the shared simulator instead of starting its own, with the secrets they share.</summary>
    public static async Task<string[]> ArgumentsAsync() =>
        ["--Partners:Simulator:Launch=false", $"--Partners:Simulator:Url={await AddressAsync()}", .. SharedSettings];

    /// <summary>What the simulator and every platform agree on: the callback secrets, and quick retries and settlement so tests wait little.</summary>
    private static string[] SharedSettings =>
    [
        $"--Partners:Payments:CallbackSecret={PaymentsCallbackSecret}",
        "--Partners:Payments:CallbackRetryMilliseconds=200,400,800,1600,3200,6400",
        "--Partners:Payments:SettleMilliseconds=50",
        $"--Partners:Sms:CallbackSecret={SmsCallbackSecret}",
        "--Partners:Sms:CallbackRetryMilliseconds=200,400,800,1600,3200",
    ];

    private static async Task<SimulatorProcess> StartAsync()
    {
        var simulator = await SimulatorProcess.StartAsync("http://127.0.0.1:0", SharedSettings, TimeSpan.FromSeconds(60), CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => simulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return simulator;
    }
}
