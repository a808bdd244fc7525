using AutoFinance.Domain.Notifications;

namespace AutoFinance.Infrastructure.Notifications;

/// <summary>What notices need to know about a customer: the language they are written in, which addresses exist, and the preferences.</summary>
public sealed record Recipient(Guid CustomerId, string Language, bool HasMobile, bool HasEmail, NotificationPreferences Preferences);
