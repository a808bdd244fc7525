namespace AutoFinance.Insight.Offers;

/// <summary>A marketing message actually sent: what frequency caps count.</summary>
public sealed record MarketingContact(string CustomerId, ContactChannel Channel, OfferProduct Product, DateTimeOffset SentAt);
