using AutoFinance.Domain.ServiceDesk;

namespace AutoFinance.Infrastructure.ServiceDesk;

/// <summary>
/// A service case: a complaint, a question or feedback from a customer, with its SLA due times (fixed when opened),
/// the agent it is assigned to and its resolution. The customer's words are personal data and are held encrypted.
/// </summary>
public sealed class ServiceCaseRow
{
    public Guid Id { get; set; }

    public required string Reference { get; set; }

    public Guid CustomerId { get; set; }

    /// <summary>The loan or application the case is about, when the customer named one.</summary>
    public Guid? LoanId { get; set; }

    public Guid? ApplicationId { get; set; }

    /// <summary>The dealer of the customer's loan or application, for reporting by dealer.</summary>
    public Guid? DealerId { get; set; }

    /// <summary>complaint, question, feedback or data-request.</summary>
    public required string Kind { get; set; }

    /// <summary>payment, fees, documents, collections, vehicle, insurance, digital, service or other.</summary>
    public required string Category { get; set; }

    /// <summary>low, normal, high or urgent.</summary>
    public required string Priority { get; set; }

    /// <summary>app, web, phone, email, branch, dealer or assistant.</summary>
    public required string Channel { get; set; }

    public CaseStatus Status { get; set; }

    public required string SubjectCipher { get; set; }

    public required string DescriptionCipher { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public required string OpenedBy { get; set; }

    public DateTimeOffset FirstResponseDueAt { get; set; }

    public DateTimeOffset ResolutionDueAt { get; set; }

    public Guid? AssignedTo { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    public DateTimeOffset? FirstRespondedAt { get; set; }

    public Guid? FirstRespondedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public Guid? ResolvedBy { get; set; }

    /// <summary>The root-cause code recorded at resolution.</summary>
    public string? RootCause { get; set; }

    public string? ResolutionCipher { get; set; }

    public int ReopenCount { get; set; }

    /// <summary>The highest escalation level the escalation check recorded (0 = never escalated).</summary>
    public int EscalationLevel { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>A message on a case: from the customer, or from an agent (to the customer, or an internal note).</summary>
public sealed class CaseMessageRow
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>customer or staff.</summary>
    public required string AuthorKind { get; set; }

    public required string Author { get; set; }

    /// <summary>customer (the customer sees it) or internal (staff only).</summary>
    public required string Visibility { get; set; }

    public required string BodyCipher { get; set; }
}

/// <summary>
/// A satisfaction survey sent after a key moment (a decision, the first payment, a case closed): pending until
/// answered with a CSAT (1–5) and an NPS (0–10) score. One survey per moment.
/// </summary>
public sealed class SurveyRow
{
    public Guid Id { get; set; }

    public Guid CustomerId { get; set; }

    /// <summary>decision, first-payment or case-closed.</summary>
    public required string Trigger { get; set; }

    /// <summary>The application, loan or case the survey asks about.</summary>
    public required string SubjectId { get; set; }

    /// <summary>The channel the moment happened on (online, dealer, app, phone, …).</summary>
    public required string Channel { get; set; }

    public Guid? DealerId { get; set; }

    /// <summary>The agent who resolved the case, for case surveys.</summary>
    public Guid? AgentId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public int? Csat { get; set; }

    public int? Nps { get; set; }

    public string? CommentCipher { get; set; }
}

/// <summary>A help article in one language; the same slug in another language is its translation.</summary>
public sealed class KnowledgeArticleRow
{
    public long Id { get; set; }

    public required string Slug { get; set; }

    public required string Language { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
