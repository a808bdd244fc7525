namespace AutoFinance.Insight.Offers;

/// <summary>One consent event: the customer granted or withdrew consent for a purpose on a channel at an instant.</summary>
public sealed record ConsentRecord(string CustomerId, ConsentPurpose Purpose, ContactChannel Channel, bool Granted, DateTimeOffset RecordedAt);
