using AutoFinance.Domain.Monetary;

namespace AutoFinance.Insight.Assistant;

/// <summary>What the assistant says, which figures it quoted, and whether a human takes over.</summary>
/// <param name="Intent">The intent recognised.</param>
/// <param name="Language">The answer's language.</param>
/// <param name="Text">The answer.</param>
/// <param name="HandOverToHuman">True when an agent must take the conversation over.</param>
/// <param name="HandOverReason">Why ("intent not recognised", "figure not available"); null when answered.</param>
/// <param name="QuotedAmount">The amount quoted, exactly the snapshot's; null when none.</param>
/// <param name="QuotedDate">The date quoted, exactly the snapshot's; null when none.</param>
public sealed record AssistantAnswer(
    AssistantIntent Intent,
    string Language,
    string Text,
    bool HandOverToHuman,
    string? HandOverReason,
    Money? QuotedAmount,
    DateOnly? QuotedDate);
