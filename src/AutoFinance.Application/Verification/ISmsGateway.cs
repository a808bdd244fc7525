namespace AutoFinance.Application.Verification;

/// <summary>
/// The SMS gateway: sends one text to one mainland mobile. <see cref="SmsMessage.MessageId"/> makes a retried send
/// idempotent at the gateway. Throws <see cref="SmsGatewayUnavailableException"/> when the gateway cannot be reached
/// or refuses after the adapter's retries.
/// </summary>
public interface ISmsGateway
{
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

public sealed record SmsMessage(Guid MessageId, string Mobile, string Text);

public sealed class SmsGatewayUnavailableException : Exception
{
    public SmsGatewayUnavailableException()
    {
    }

    public SmsGatewayUnavailableException(string message)
        : base(message)
    {
    }

    public SmsGatewayUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
