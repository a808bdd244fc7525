using AutoFinance.Credit.Models;
using AutoFinance.Domain.Approvals;
using AutoFinance.Domain.Documents;
using AutoFinance.Domain.Lifecycle;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Domain.Servicing.Hardship;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Documents;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Models;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Payouts;
using AutoFinance.Infrastructure.Products;
using AutoFinance.Infrastructure.Search;
using AutoFinance.Infrastructure.ServiceDesk;
using AutoFinance.Infrastructure.Servicing;

namespace AutoFinance.Web.Lists;

/// <summary>
/// Every back-office list's sorts, filters and CSV columns, one declaration per list, read alike by its API (query
/// parameters and export) and its page (controls). The exports carry no personal data beyond what the list shows
/// staff already masked.
/// </summary>
public static class BackOfficeLists
{
    public static readonly ListShape<CaseSummary> Cases = new ListShape<CaseSummary>("cases", "urgency")
        .SortBy("urgency", _ => 0).SortBy("opened", c => c.OpenedAt).SortBy("reference", c => c.Reference).SortBy("priority", c => PriorityRank(c.Priority)).SortBy("status", c => c.Status)
        .FilterByStatus(c => c.Status, CaseVocabulary.Open, CaseVocabulary.InProgress, CaseVocabulary.Resolved).FilterByDate(c => c.OpenedAt).FindIn(c => c.Reference, c => c.Subject, c => c.AssignedToName)
        .Column("reference", c => c.Reference).Column("kind", c => c.Kind).Column("category", c => c.Category).Column("priority", c => c.Priority).Column("channel", c => c.Channel)
        .Column("status", c => c.Status).Column("openedAt", c => c.OpenedAt).Column("assignedTo", c => c.AssignedToName).Column("breached", c => c.Sla.Breached).Column("escalationLevel", c => c.Sla.EscalationLevel);

    public static readonly ListShape<ReferralView> Referrals = new ListShape<ReferralView>("referrals", "due")
        .SortBy("due", r => r.DueAt).SortBy("created", r => r.CreatedAt).SortBy("reference", r => r.Reference).SortBy("score", r => r.Score)
        .FilterByStatus(r => r.Breached ? "breached" : "within-sla", "breached", "within-sla").FilterByDate(r => r.CreatedAt).FindIn(r => r.Reference, r => r.RiskGrade)
        .Column("reference", r => r.Reference).Column("createdAt", r => r.CreatedAt).Column("dueAt", r => r.DueAt).Column("breached", r => r.Breached)
        .Column("claimed", r => r.ClaimedBy is not null).Column("grade", r => r.RiskGrade).Column("score", r => r.Score);

    public static readonly ListShape<DocumentCommands.PendingDocument> Documents = new ListShape<DocumentCommands.PendingDocument>("documents", "uploaded")
        .SortBy("uploaded", d => d.Document.UploadedAt).SortBy("reference", d => d.ApplicationReference).SortBy("kind", d => d.Document.Kind)
        .FilterByStatus(d => d.Document.Kind, [.. DocumentKindNames.All.Select(k => k.ToName())]).FilterByDate(d => d.Document.UploadedAt).FindIn(d => d.ApplicationReference)
        .Column("application", d => d.ApplicationReference).Column("kind", d => d.Document.Kind).Column("contentType", d => d.Document.ContentType)
        .Column("sizeBytes", d => d.Document.SizeBytes).Column("status", d => StateWords<DocumentStatus>.Of(d.Document.Status)).Column("uploadedAt", d => d.Document.UploadedAt);

    public static readonly ListShape<SurveyCommands.SurveyView> Surveys = new ListShape<SurveyCommands.SurveyView>("surveys", "pending")
        .SortBy("pending", s => s.AnsweredAt is not null).SortBy("created", s => s.CreatedAt).SortBy("answered", s => s.AnsweredAt).SortBy("csat", s => s.Csat).SortBy("nps", s => s.Nps)
        .FilterByStatus(s => s.AnsweredAt is null ? "pending" : "answered", "pending", "answered").FilterByDate(s => s.CreatedAt).FindIn(s => s.Trigger, s => s.Channel)
        .Column("trigger", s => s.Trigger).Column("channel", s => s.Channel).Column("createdAt", s => s.CreatedAt).Column("answeredAt", s => s.AnsweredAt).Column("csat", s => s.Csat).Column("nps", s => s.Nps);

    public static readonly ListShape<PayoutView> Payouts = new ListShape<PayoutView>("payouts", "-created")
        .SortBy("created", p => p.CreatedAt).SortBy("reference", p => p.Reference).SortBy("amount", p => p.Amount).SortBy("status", p => StateWords<PayoutStatus>.Of(p.Status))
        .FilterByStatus(p => StateWords<PayoutStatus>.Of(p.Status), [.. StateWords<PayoutStatus>.All]).FilterByDate(p => p.CreatedAt).FindIn(p => p.Reference, p => p.PayeeName, p => p.ConfirmationReference)
        .Column("reference", p => p.Reference).Column("amount", p => p.Amount).Column("currency", p => p.Currency).Column("payee", p => p.PayeeName).Column("bank", p => p.PayeeBank)
        .Column("account", p => p.AccountNumberMasked).Column("channel", p => p.Channel).Column("status", p => StateWords<PayoutStatus>.Of(p.Status)).Column("createdAt", p => p.CreatedAt).Column("completedAt", p => p.CompletedAt);

    /// <summary>Closed loans still owing their customers money; the status says whether a card is on file to pay it back to.</summary>
    public static readonly ListShape<CustomerRefunds.RefundOwed> Refunds = new ListShape<CustomerRefunds.RefundOwed>("refunds", "-owed")
        .SortBy("owed", r => r.Owed).SortBy("reference", r => r.LoanReference).SortBy("payable", r => r.RefundPayable)
        .FilterByStatus(r => r.CardOnFile is null ? "no-card" : "card", "card", "no-card").FindIn(r => r.LoanReference, r => r.CardOnFile)
        .Column("loan", r => r.LoanReference).Column("currency", r => r.Currency).Column("refundPayable", r => r.RefundPayable).Column("pending", r => r.Pending)
        .Column("owed", r => r.Owed).Column("cardOnFile", r => r.CardOnFile);

    public static readonly ListShape<ApprovalService.ApprovalView> Approvals = new ListShape<ApprovalService.ApprovalView>("approvals", "-requested")
        .SortBy("requested", a => a.RequestedAt).SortBy("action", a => a.Action).SortBy("status", a => StateWords<ApprovalStatus>.Of(a.Status)).SortBy("decided", a => a.DecidedAt)
        .FilterByStatus(a => StateWords<ApprovalStatus>.Of(a.Status), [.. StateWords<ApprovalStatus>.All]).FilterByDate(a => a.RequestedAt).FindIn(a => a.Action, a => a.Summary, a => a.RequestedBy, a => a.DecidedBy)
        .Column("action", a => a.Action).Column("summary", a => a.Summary).Column("reason", a => a.Reason).Column("requestedBy", a => a.RequestedBy).Column("requestedAt", a => a.RequestedAt)
        .Column("status", a => StateWords<ApprovalStatus>.Of(a.Status)).Column("decidedBy", a => a.DecidedBy).Column("decidedAt", a => a.DecidedAt).Column("outcome", a => a.Outcome);

    /// <summary>The write-off proposals: the approvals of one action, shaped as approvals are but exported under their own name.</summary>
    public static readonly ListShape<ApprovalService.ApprovalView> WriteOffProposals = new ListShape<ApprovalService.ApprovalView>("write-offs", "-requested")
        .SortBy("requested", a => a.RequestedAt).SortBy("status", a => StateWords<ApprovalStatus>.Of(a.Status)).SortBy("decided", a => a.DecidedAt)
        .FilterByStatus(a => StateWords<ApprovalStatus>.Of(a.Status), [.. StateWords<ApprovalStatus>.All]).FilterByDate(a => a.RequestedAt).FindIn(a => a.Summary, a => a.RequestedBy)
        .Column("summary", a => a.Summary).Column("reason", a => a.Reason).Column("requestedBy", a => a.RequestedBy).Column("requestedAt", a => a.RequestedAt)
        .Column("status", a => StateWords<ApprovalStatus>.Of(a.Status)).Column("decidedBy", a => a.DecidedBy).Column("decidedAt", a => a.DecidedAt).Column("outcome", a => a.Outcome);

    public static readonly ListShape<WriteOffs.WrittenOffLoan> WrittenOff = new ListShape<WriteOffs.WrittenOffLoan>("written-off", "reference")
        .SortBy("reference", l => l.Reference).SortBy("principal", l => l.Principal).SortBy("dpd", l => l.DaysPastDue).SortBy("closed", l => l.LastCloseDate)
        .FindIn(l => l.Reference)
        .Column("reference", l => l.Reference).Column("principal", l => l.Principal).Column("daysPastDue", l => l.DaysPastDue).Column("bucket", l => l.Bucket).Column("lastCloseDate", l => l.LastCloseDate);

    public static readonly ListShape<BlacklistCommands.Entry> Blacklist = new ListShape<BlacklistCommands.Entry>("blacklist", "-added")
        .SortBy("added", b => b.AddedAt).SortBy("kind", b => b.Kind).SortBy("value", b => b.Value)
        .FilterByStatus(b => b.Kind, BlacklistCommands.Kinds).FilterByDate(b => b.AddedAt).FindIn(b => b.Value, b => b.Reason, b => b.AddedBy)
        .Column("kind", b => b.Kind).Column("valueMasked", b => b.Value).Column("reason", b => b.Reason).Column("addedBy", b => b.AddedBy).Column("addedAt", b => b.AddedAt);

    public static readonly ListShape<AccessAdministration.UserView> Users = new ListShape<AccessAdministration.UserView>("users", "name")
        .SortBy("name", u => u.UserName).SortBy("role", u => u.Role).SortBy("sessions", u => u.OpenSessions)
        .FilterByStatus(u => u.Role, AutoFinance.Application.Security.Roles.All).FindIn(u => u.UserName, u => u.DisplayName)
        .Column("userName", u => u.UserName).Column("displayName", u => u.DisplayName).Column("role", u => u.Role).Column("active", u => u.Active).Column("openSessions", u => u.OpenSessions);

    public static readonly ListShape<AccessAdministration.DealerView> Dealers = new ListShape<AccessAdministration.DealerView>("dealers", "code")
        .SortBy("code", d => d.Code).SortBy("name", d => d.Name).SortBy("key-expires", d => d.ApiKeyExpiresAt)
        .FilterByStatus(d => d.Active ? "active" : "inactive", "active", "inactive").FindIn(d => d.Code, d => d.Name)
        .Column("code", d => d.Code).Column("name", d => d.Name).Column("city", d => d.City).Column("email", d => d.Email).Column("language", d => d.Language)
        .Column("active", d => d.Active).Column("apiKeyExpiresAt", d => d.ApiKeyExpiresAt).Column("apiKeyRevokedAt", d => d.ApiKeyRevokedAt);

    public static readonly ListShape<HardshipRequests.HardshipRequestView> Hardship = new ListShape<HardshipRequests.HardshipRequestView>("hardship-requests", "-requested")
        .SortBy("requested", r => r.RequestedAt).SortBy("reference", r => r.LoanReference).SortBy("kind", r => r.Kind).SortBy("state", r => r.State)
        .FilterByStatus(r => r.State, [.. StateWords<HardshipRequestState>.All]).FilterByDate(r => r.RequestedAt).FindIn(r => r.LoanReference, r => r.Reason)
        .Column("loan", r => r.LoanReference).Column("kind", r => r.Kind).Column("installments", r => r.Installments).Column("months", r => r.Months).Column("state", r => r.State)
        .Column("requestedAt", r => r.RequestedAt).Column("decidedBy", r => r.DecidedBy).Column("decidedAt", r => r.DecidedAt);

    public static readonly ListShape<CollectionsService.WorklistEntry> Worklist = new ListShape<CollectionsService.WorklistEntry>("worklist", "rank")
        .SortBy("rank", w => w.Rank).SortBy("dpd", w => w.DaysPastDue).SortBy("at-risk", w => w.AmountAtRisk).SortBy("overdue", w => w.AmountOverdue).SortBy("reference", w => w.Reference)
        .FilterByStatus(w => w.Bucket, [.. Domain.Servicing.DelinquencyBuckets.Default.All.Select(b => b.Name).Where(n => n != "Current")]).FindIn(w => w.Reference, w => w.Collector, w => w.Grade)
        .Column("rank", w => w.Rank).Column("reference", w => w.Reference).Column("daysPastDue", w => w.DaysPastDue).Column("bucket", w => w.Bucket).Column("grade", w => w.Grade)
        .Column("amountAtRisk", w => w.AmountAtRisk).Column("amountOverdue", w => w.AmountOverdue).Column("action", w => w.Action).Column("rollForward", w => w.RollForward)
        .Column("collector", w => w.Collector).Column("behaviourScore", w => w.BehaviourScore);

    public static readonly ListShape<ModelRegistry.ModelView> Models = new ListShape<ModelRegistry.ModelView>("models", "-uploaded")
        .SortBy("uploaded", m => m.UploadedAt).SortBy("model", m => m.ModelId).SortBy("auc", m => m.Auc).SortBy("ks", m => m.Ks).SortBy("state", m => m.State)
        .FilterByStatus(m => m.State, [.. StateWords<ModelVersionState>.All]).FilterByDate(m => m.UploadedAt).FindIn(m => m.ModelId, m => m.FileName, m => m.UploadedBy)
        .Column("modelId", m => m.ModelId).Column("kind", m => m.Kind).Column("fileName", m => m.FileName).Column("sha256", m => m.Sha256).Column("auc", m => m.Auc).Column("ks", m => m.Ks)
        .Column("gini", m => m.Gini).Column("testRows", m => m.TestRows).Column("state", m => m.State).Column("uploadedBy", m => m.UploadedBy).Column("uploadedAt", m => m.UploadedAt)
        .Column("promotedBy", m => m.PromotedBy).Column("promotedAt", m => m.PromotedAt);

    public static readonly ListShape<ProductAdministration.ProductSummary> Products = new ListShape<ProductAdministration.ProductSummary>("products", "code")
        .SortBy("code", p => p.Code).SortBy("name", p => p.Name).SortBy("version", p => p.CurrentVersion).SortBy("effective", p => p.EffectiveFrom)
        .FilterByStatus(p => p.Active ? "active" : "inactive", "active", "inactive").FindIn(p => p.Code, p => p.Name)
        .Column("code", p => p.Code).Column("name", p => p.Name).Column("currentVersion", p => p.CurrentVersion).Column("active", p => p.Active).Column("effectiveFrom", p => p.EffectiveFrom).Column("promotions", p => p.Promotions);

    public static readonly ListShape<JobQueries.RunView> JobRuns = new ListShape<JobQueries.RunView>("job-runs", "-started")
        .SortBy("started", r => r.StartedAt).SortBy("job", r => r.Job).SortBy("outcome", r => StateWords<JobOutcome>.Of(r.Outcome))
        .FilterByStatus(r => StateWords<JobOutcome>.Of(r.Outcome), [.. StateWords<JobOutcome>.All]).FilterByDate(r => r.StartedAt).FindIn(r => r.Job, r => r.Node, r => r.RequestedBy, r => r.Detail)
        .Column("job", r => r.Job).Column("occurrence", r => r.Occurrence).Column("trigger", r => r.Trigger).Column("node", r => r.Node).Column("requestedBy", r => r.RequestedBy)
        .Column("startedAt", r => r.StartedAt).Column("finishedAt", r => r.FinishedAt).Column("outcome", r => StateWords<JobOutcome>.Of(r.Outcome)).Column("detail", r => r.Detail);

    private static int PriorityRank(string priority) => priority switch { "urgent" => 0, "high" => 1, "normal" => 2, _ => 3 };
}
