namespace AutoFinance.Insight.ServiceMetrics;

/// <summary>One group's service figures. Times are wall-clock hours; rates are shares (0.25 = 25%) unless named otherwise; null when there is nothing to measure.</summary>
/// <param name="Group">The group ("all" for the total).</param>
/// <param name="Cases">Cases opened.</param>
/// <param name="FirstResponseHoursP50">Median hours from opening to first response, over responded cases.</param>
/// <param name="FirstResponseHoursP90">90th percentile of the same.</param>
/// <param name="ResolutionHoursP50">Median hours from opening to resolution, over resolved cases.</param>
/// <param name="ResolutionHoursP90">90th percentile of the same.</param>
/// <param name="SlaBreachRate">Share of cases with a breached timer: a response or resolution after its due time, or none yet with the due time passed at the report instant.</param>
/// <param name="ReopenRate">The share of the cases ever resolved that were reopened (open again now or resolved again).</param>
/// <param name="Complaints">Complaints among the cases.</param>
/// <param name="ComplaintsPer1000Loans">Complaints per 1,000 loans of the group.</param>
/// <param name="CsatResponses">Valid CSAT answers.</param>
/// <param name="Csat">Share of CSAT answers that are 4 or 5.</param>
/// <param name="NpsResponses">Valid NPS answers.</param>
/// <param name="Nps">Promoters (9–10) minus detractors (0–6), in points from −100 to 100.</param>
public sealed record ServiceMetricsReport(
    string Group,
    int Cases,
    double? FirstResponseHoursP50,
    double? FirstResponseHoursP90,
    double? ResolutionHoursP50,
    double? ResolutionHoursP90,
    double? SlaBreachRate,
    double? ReopenRate,
    int Complaints,
    double? ComplaintsPer1000Loans,
    int CsatResponses,
    double? Csat,
    int NpsResponses,
    double? Nps);
