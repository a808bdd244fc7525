namespace AutoFinance.Insight.Offers;

/// <summary>What a consent covers.</summary>
public enum ConsentPurpose
{
    /// <summary>Offers of products the customer did not ask for (every next-best offer).</summary>
    Marketing,

    /// <summary>Messages about the customer's own loan (reminders, statements): not marketing.</summary>
    Service,
}
