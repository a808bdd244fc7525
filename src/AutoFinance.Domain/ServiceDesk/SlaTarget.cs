namespace AutoFinance.Domain.ServiceDesk;

/// <summary>The business time allowed for a category and priority: to the first response and to resolution.</summary>
/// <param name="Category">Case category ("complaint", "payment", "documents"), or "*" for any category.</param>
/// <param name="Priority">The priority.</param>
/// <param name="FirstResponse">Business time to the first response.</param>
/// <param name="Resolution">Business time to resolution.</param>
public sealed record SlaTarget(string Category, CasePriority Priority, TimeSpan FirstResponse, TimeSpan Resolution)
{
    /// <summary>The wildcard category.</summary>
    public const string AnyCategory = "*";
}
