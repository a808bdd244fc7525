using AutoFinance.Domain.Verification;

namespace AutoFinance.Infrastructure.Verification;

/// <summary>
/// Settings under <c>Verification</c>. Codes per client address and hour: raise it where many people share one
/// address (a dealership's network, a proxy without forwarded headers).
/// </summary>
public sealed class VerificationOptions
{
    public int CodesPerAddressPerHour { get; set; } = OneTimeCodeRules.MaxPerAddress;
}
