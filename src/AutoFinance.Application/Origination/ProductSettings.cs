using AutoFinance.Domain.Origination;

namespace AutoFinance.Application.Origination;

/// <summary>A product as configured: its policy thresholds, rate card and decision cut-offs.</summary>
public sealed record ProductSettings(string Code, string Name, ProductPolicy Policy, RateCard RateCard, DecisionRules Rules);
