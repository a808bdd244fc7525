using AutoFinance.Domain.ServiceDesk;

namespace AutoFinance.Infrastructure.ServiceDesk;

/// <summary>The words a case is described in: its kinds, categories, priorities, channels, states and root causes.</summary>
public static class CaseVocabulary
{
    public const string Complaint = "complaint";
    public const string Question = "question";
    public const string Feedback = "feedback";

    /// <summary>
    /// A customer's request for the data held about them (a data-subject request). Recorded by the customer only; while
    /// it is open, and for <see cref="Privacy.ExportAccess.DataRequestDays"/> days, staff may export their data unmasked.
    /// </summary>
    public const string DataRequest = "data-request";

    public const string Open = CaseStatusText.Open;
    public const string InProgress = CaseStatusText.InProgress;
    public const string Resolved = CaseStatusText.Resolved;

    public static readonly string[] Kinds = [Complaint, Question, Feedback, DataRequest];

    public static readonly string[] Categories = ["payment", "fees", "documents", "collections", "vehicle", "insurance", "digital", "service", "other"];

    public static readonly string[] Priorities = ["low", "normal", "high", "urgent"];

    public static readonly string[] Channels = ["app", "web", "phone", "email", "branch", "dealer", "assistant"];

    public static readonly string[] RootCauses =
        ["process", "system-error", "staff-conduct", "communication", "product-terms", "third-party", "customer-misunderstanding", "no-fault-found"];

    /// <summary>The SLA category of a case: complaints have their own targets; every other kind uses the general ones.</summary>
    public static string SlaCategory(string kind) => kind == Complaint ? "complaint" : SlaTarget.AnyCategory;

    public static CasePriority Priority(string priority) => priority switch
    {
        "low" => CasePriority.Low,
        "high" => CasePriority.High,
        "urgent" => CasePriority.Urgent,
        _ => CasePriority.Normal,
    };

    public static string OneOf(IEnumerable<string> values) => string.Join(", ", values);
}
