using AutoFinance.Domain.Validation;

namespace AutoFinance.Application.Approvals;

/// <summary>How long the reason given for an action a second person approves may be: one limit for every such request.</summary>
public static class ApprovalReasons
{
    public const int Longest = 300;

    /// <summary>The limits as a problem's figures.</summary>
    public static IReadOnlyDictionary<string, string> Figures { get; } = FieldProblems.Figures(("min", "3"), ("max", "300"));
}
