using AutoFinance.Application.Payments;
using AutoFinance.Cli.Common;
using AutoFinance.Infrastructure.Payments;

namespace AutoFinance.Cli.Payments;

/// <summary>
/// The platform's public address for a command that talks to the payment provider on its behalf: the provider calls
/// the platform back, never the command, so the address must be the one the web host gives (Partners:Payments:PlatformUrl).
/// </summary>
public sealed class ConfiguredPlatformAddress(PaymentProviderSettings settings) : IPlatformAddress
{
    public const string Variable = "Partners__Payments__PlatformUrl";

    public Uri BaseAddress => settings.PlatformUrl
        ?? throw new BadInputException($"{Variable}: set it to the platform's public address (the web host's Partners:Payments:PlatformUrl); the payment provider calls the platform back there");
}
