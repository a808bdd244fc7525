using AutoFinance.Application.Security;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Insight.Assistant;
using Microsoft.EntityFrameworkCore;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Domain.Origination.Lifecycle;

namespace AutoFinance.Infrastructure.ServiceDesk;

/// <summary>
/// The self-service assistant for a signed-in customer. The figures it may quote come from the same reader as
/// <c>GET /api/v1/loans/{id}</c> (<see cref="LoanQueries"/>): the next unpaid instalment's date and amount, the
/// principal still owed from the ledger, and today's payoff from <see cref="Application.Servicing.QuotePayoff.PayoffFigures"/> — so an answer never
/// differs from the loan page. When it cannot answer (question not understood, or a figure missing) it hands over:
/// a case is opened on the customer's behalf (channel assistant) and its id returned.
/// </summary>
public sealed class AssistantService(AutoFinanceDbContext db, LoanQueries loans, CaseCommands cases, KnowledgeBase knowledge, TimeProvider time)
{
    public sealed record AskInput(string? Question, string? Language);

    public sealed record AssistantReply(
        string Intent,
        string Language,
        string Answer,
        bool HandOver,
        string? HandOverReason,
        decimal? QuotedAmount,
        string? Currency,
        DateOnly? QuotedDate,
        DateOnly AsOf,
        Guid? LoanId,
        Guid? CaseId,
        string? CaseReference,
        IReadOnlyList<KnowledgeBase.ArticleHit> Articles);

    public async Task<CommandResult<AssistantReply>> AskAsync(Actor actor, AskInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var question = input.Question?.Trim() ?? string.Empty;
        if (question.Length is < 1 or > 500)
        {
            errors.Add(new("question", "is required: 1 to 500 characters", "field.required-text", FieldProblems.Figures(("max", "500"))));
        }

        var language = string.IsNullOrWhiteSpace(input.Language) ? "zh-CN" : input.Language.Trim();
        if (language is not ("en" or "zh-CN"))
        {
            errors.Add(new("language", "must be en or zh-CN", "field.language"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<AssistantReply>.Invalid(errors);
        }

        var snapshot = await SnapshotAsync(actor, language, ct).ConfigureAwait(false);
        var answer = SelfServiceAssistant.Default.Answer(question, snapshot, language);
        var articles = await knowledge.FindAsync(question, language, 3, ct).ConfigureAwait(false);
        Guid? caseId = null;
        string? reference = null;
        if (answer.HandOverToHuman && actor.CustomerId is not null)
        {
            var opened = await cases.OpenAsync(actor, new CaseCommands.OpenCaseInput(
                CaseVocabulary.Question, "other", "normal", "assistant",
                $"Assistant hand-over: {answer.HandOverReason}", question,
                snapshot.LoanId is { } loan ? Guid.Parse(loan) : null), ct).ConfigureAwait(false);
            caseId = opened.Value?.CaseId;
            reference = opened.Value?.Reference;
        }

        return CommandResult<AssistantReply>.Ok(new AssistantReply(
            answer.Intent.ToString(), answer.Language, answer.Text, answer.HandOverToHuman, answer.HandOverReason,
            answer.QuotedAmount?.Amount, answer.QuotedAmount?.Currency.Code, answer.QuotedDate, snapshot.AsOf,
            snapshot.LoanId is { } id ? Guid.Parse(id) : null, caseId, reference, articles));
    }

    /// <summary>The customer's own figures: their latest active loan (else latest loan) and latest application.</summary>
    public async Task<LoanSnapshot> SnapshotAsync(Actor actor, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        if (actor.Role != Roles.Customer || actor.CustomerId is not { } customer)
        {
            return new LoanSnapshot(null, today, null, null, null, null, null, null);
        }

        var application = await db.Applications.AsNoTracking().Where(a => a.CustomerId == customer).OrderByDescending(a => a.SubmittedAt)
            .Select(a => new { a.Reference, a.Status }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var loan = await db.Loans.AsNoTracking().Where(l => l.CustomerId == customer)
            .OrderBy(l => l.Status == LoanStatus.Active ? 0 : 1).ThenByDescending(l => l.BookedAt).Select(l => new { l.Id, l.Currency }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var view = loan is null ? null : await loans.GetAsync(actor, loan.Id, ct).ConfigureAwait(false);
        Money? Amount(decimal? value) => value is { } v && loan is not null ? Money.Of(v, Currency.FromCode(loan.Currency)) : null;
        var overdue = view?.Schedule.Where(i => i.DueDate < today && i.Outstanding > 0m).ToList() ?? [];
        return new LoanSnapshot(
            view?.Summary.LoanId.ToString(),
            today,
            view?.Next?.DueDate,
            Amount(view?.Next?.Amount),
            Amount(view?.Balances.GetValueOrDefault(nameof(LedgerAccount.LoanPrincipalReceivable))),
            Amount(view?.PayoffToday?.Total),
            application?.Reference,
            application is null ? null : StatusText(LifecycleText.Of(application.Status), language),
            Amount(view?.Credit),
            Amount(view?.Next is { } next ? Math.Max(0m, next.Amount - view.Credit) : null),
            overdue.Count,
            overdue.Count > 0 ? Amount(overdue.Sum(i => i.Outstanding)) : null,
            view?.Summary.Status == LoanStatusText.Of(LoanStatus.Closed));
    }

    /// <summary>An application status in the customer's language.</summary>
    public static string StatusText(string status, string language) => (status, AnswerTemplates.IsChinese(language)) switch
    {
        ("submitted", true) => "已提交",
        ("approved", true) => "已批准",
        ("referred", true) => "人工审核中",
        ("declined", true) => "未通过",
        ("accepted" or "signed", true) => "已签约，待放款",
        ("disbursed" or "booked", true) => "已放款",
        ("accepted" or "signed", false) => "signed, awaiting disbursement",
        ("referred", false) => "being reviewed by an underwriter",
        ("disbursed" or "booked", false) => "disbursed",
        (_, _) => status,
    };
}
