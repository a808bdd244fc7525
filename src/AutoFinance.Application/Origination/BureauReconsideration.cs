using AutoFinance.Domain.Bureau;

namespace AutoFinance.Application.Origination;

/// <summary>
/// A stored application to be decided again on credit-report figures staff recorded (see
/// <see cref="DecisionService.ReconsiderAsync"/>): the application as submitted, the checks first made, the figures and
/// the reason they were recorded.
/// </summary>
public sealed record BureauReconsideration(
    Guid ApplicationId,
    string Reference,
    ValidatedApplication Application,
    IReadOnlyList<CheckRecord> EarlierChecks,
    BureauFeatures Figures,
    string Reason);
