namespace AutoFinance.Insight.Offers;

/// <summary>How a customer is reached.</summary>
public enum ContactChannel
{
    /// <summary>Text message.</summary>
    Sms,

    /// <summary>E-mail.</summary>
    Email,

    /// <summary>In-app message or push notification.</summary>
    App,

    /// <summary>Outbound call by an agent.</summary>
    Phone,
}
