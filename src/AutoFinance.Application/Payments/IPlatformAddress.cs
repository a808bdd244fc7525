namespace AutoFinance.Application.Payments;

/// <summary>The platform's own public address, which outside parties call back and send customers back to.</summary>
public interface IPlatformAddress
{
    Uri BaseAddress { get; }
}
