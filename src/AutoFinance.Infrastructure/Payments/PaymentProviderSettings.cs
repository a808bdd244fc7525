using AutoFinance.Infrastructure.Partners;
using Microsoft.Extensions.Configuration;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// The payment provider as the platform knows it: its name (the last segment of its callback address), the secret
/// its callbacks are signed with (<c>Partners:Payments:CallbackSecret</c>; see <see cref="PartnerDirectory.CallbackSecret"/>),
/// and the platform's own public address the provider calls back and returns customers to
/// (<c>Partners:Payments:PlatformUrl</c>, else the address the platform listens on).
/// </summary>
public sealed class PaymentProviderSettings(IConfiguration configuration, PartnerDirectory partners)
{
    public string Name { get; } = configuration["Partners:Payments:Provider"] is { Length: > 0 } name ? name : "simpay";

    public string CallbackSecret => partners.CallbackSecret("Payments");

    public Uri? PlatformUrl { get; } = configuration["Partners:Payments:PlatformUrl"] is { Length: > 0 } url ? new Uri(url) : null;
}
