using AutoFinance.Domain.Lifecycle;

namespace AutoFinance.Domain.ServiceDesk;

/// <summary>The words a case's status is stored and shown by: <c>open</c>, <c>in-progress</c>, <c>resolved</c> (<see cref="StateWords{TState}"/>).</summary>
public static class CaseStatusText
{
    public const string Open = "open";
    public const string InProgress = "in-progress";
    public const string Resolved = "resolved";

    public static string Of(CaseStatus status) => StateWords<CaseStatus>.Of(status);

    public static CaseStatus Parse(string text) => StateWords<CaseStatus>.Parse(text);
}
