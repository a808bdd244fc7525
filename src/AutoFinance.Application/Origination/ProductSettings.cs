using AutoFinance.Domain.Origination;

namespace AutoFinance.Application.Origination;

/// <summary>A product as configured: its policy thresholds, rate card and decision cut-offs, as of one of its versions.</summary>
public sealed record ProductSettings(string Code, string Name, ProductPolicy Policy, RateCard RateCard, DecisionRules Rules)
{
    /// <summary>The product version these terms are (1 for a product never changed); offers and loans keep it.</summary>
    public int Version { get; init; } = 1;
}
