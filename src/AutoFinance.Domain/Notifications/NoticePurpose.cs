namespace AutoFinance.Domain.Notifications;

/// <summary>Why a customer is told something; preferences and quiet hours are per purpose.</summary>
public enum NoticePurpose
{
    /// <summary>Decisions, contracts, payments, cases, changes of terms and consent: what happened to the customer's own affairs.</summary>
    Servicing,

    /// <summary>Money falling due, overdue, or promised.</summary>
    Reminders,

    /// <summary>Offers the customer did not ask for.</summary>
    Marketing,
}

/// <summary>The stable names of purposes ("servicing", "reminders", "marketing").</summary>
public static class NoticePurposes
{
    public static IReadOnlyList<NoticePurpose> All { get; } = [NoticePurpose.Servicing, NoticePurpose.Reminders, NoticePurpose.Marketing];

    public static string ToName(this NoticePurpose purpose) => purpose switch
    {
        NoticePurpose.Servicing => "servicing",
        NoticePurpose.Reminders => "reminders",
        NoticePurpose.Marketing => "marketing",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };

    public static NoticePurpose? FromName(string? name) => All.Cast<NoticePurpose?>().FirstOrDefault(p => p!.Value.ToName() == name?.Trim().ToLowerInvariant());
}
