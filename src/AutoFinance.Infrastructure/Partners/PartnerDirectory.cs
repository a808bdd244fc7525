using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace AutoFinance.Infrastructure.Partners;

/// <summary>
/// Where the platform reaches each outside party (payment provider, SMS gateway, credit bureau, identity service).
/// A party's own <c>Partners:&lt;Party&gt;:BaseUrl</c> wins; otherwise it is the simulator, at the address the simulator
/// process reported when the platform started it, or at <c>Partners:Simulator:Url</c> when it runs elsewhere.
/// </summary>
public sealed class PartnerDirectory(IConfiguration configuration)
{
    public const string DefaultSimulatorUrl = "http://127.0.0.1:5081";

    /// <summary>The parties that sign what they send the platform, each with its own secret.</summary>
    private static readonly string[] SigningParties = ["Payments", "Sms"];

    private readonly ConcurrentDictionary<string, string> _generatedSecrets = new(StringComparer.Ordinal);

    private Uri? _launchedSimulator;

    /// <summary>Whether the platform starts the simulator as its child process (the default for development and demos).</summary>
    public bool LaunchSimulator => configuration.GetValue("Partners:Simulator:Launch", false);

    /// <summary>The addresses the simulator should bind when the platform starts it.</summary>
    public string SimulatorUrls => configuration["Partners:Simulator:Url"] is { Length: > 0 } url ? url : DefaultSimulatorUrl;

    public Uri Simulator => _launchedSimulator ?? new Uri(SimulatorUrls);

    public void UseLaunchedSimulator(Uri address) => _launchedSimulator = address;

    public Uri BaseAddressFor(string party) =>
        configuration[$"Partners:{party}:BaseUrl"] is { Length: > 0 } own ? new Uri(own) : Simulator;

    /// <summary>
    /// The secret a party signs its callbacks with: <c>Partners:&lt;Party&gt;:CallbackSecret</c>, or, when none is
    /// configured (a development run), a random one made for this process and handed to the simulator it starts.
    /// </summary>
    public string CallbackSecret(string party) =>
        configuration[$"Partners:{party}:CallbackSecret"] is { Length: > 0 } configured
            ? configured
            : _generatedSecrets.GetOrAdd(party, _ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    /// <summary>The platform's <c>Partners</c> settings as command-line arguments, so a simulator it starts shares its secrets.</summary>
    public IEnumerable<string> SettingsAsArguments() =>
        configuration.GetSection("Partners").AsEnumerable(makePathsRelative: false)
            .Where(pair => pair.Value is not null)
            .Select(pair => $"--{pair.Key}={pair.Value}")
            .Concat(SigningParties.Where(p => configuration[$"Partners:{p}:CallbackSecret"] is not { Length: > 0 }).Select(p => $"--Partners:{p}:CallbackSecret={CallbackSecret(p)}"));
}
