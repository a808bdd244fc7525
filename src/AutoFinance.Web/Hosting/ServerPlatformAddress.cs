using AutoFinance.Application.Payments;
using AutoFinance.Infrastructure.Payments;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AutoFinance.Web.Hosting;

/// <summary>
/// The platform's public address for outside parties: <c>Partners:Payments:PlatformUrl</c> when set (behind a proxy,
/// in production), else the first address the server listens on, a wildcard host read as loopback.
/// </summary>
public sealed class ServerPlatformAddress(IServer server, PaymentProviderSettings settings) : IPlatformAddress
{
    public Uri BaseAddress => settings.PlatformUrl ?? Listening();

    private Uri Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the platform is not listening yet; set Partners:Payments:PlatformUrl");
        var uri = new Uri(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal));
        return new Uri(uri.GetLeftPart(UriPartial.Authority));
    }
}
