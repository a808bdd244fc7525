using System.Linq.Expressions;
using AutoFinance.Infrastructure.Notifications;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// What a provider's callback reads of the intent it names, in one round trip: the intent (tracked, as the callback
/// changes it) with what the outcome needs of its loan; for a failure, also whom its notice goes to and which of the
/// notice's outbox keys are taken already. Compiled once per model, as every callback asks it.
/// </summary>
public sealed class CallbackIntentRead
{
    // A failure's read: the intent, its loan's names, whom the notice goes to, and which of the notice's outbox keys are taken.
    private static readonly Expression<Func<AutoFinanceDbContext, Guid, string, string, string, string, CancellationToken, CallbackIntentRead?>> FailureRead =
        (db, intentId, provider, inAppKey, smsKey, emailKey, ct) =>
            (from i in db.Set<PaymentIntentRow>()
             where i.Id == intentId && i.Provider == provider
             join l in db.Loans on i.LoanId equals l.Id into loans
             from l in loans.DefaultIfEmpty()
             select new CallbackIntentRead
             {
                 Intent = i,
                 Loan = l == null ? null : new LoanNames(l.CustomerId, l.Reference, l.Currency),
                 OnFile = db.Customers.Any(c => c.Id == l.CustomerId),
                 HasMobile = db.Customers.Any(c => c.Id == l.CustomerId && c.MobileCipher != ""),
                 HasEmail = db.Customers.Any(c => c.Id == l.CustomerId && c.EmailCipher != null),
                 Language = db.Customers.Where(c => c.Id == l.CustomerId).Select(c => c.NoticeLanguage).FirstOrDefault()
                     ?? db.Applications.Where(a => a.CustomerId == l.CustomerId).OrderByDescending(a => a.SubmittedAt).Select(a => a.Language).FirstOrDefault(),
                 Choices = db.NotificationPreferences.Where(p => p.CustomerId == l.CustomerId).ToList(),
                 InAppTaken = db.Outbox.Any(m => m.DedupeKey == inAppKey),
                 SmsTaken = db.Outbox.Any(m => m.DedupeKey == smsKey),
                 EmailTaken = db.Outbox.Any(m => m.DedupeKey == emailKey),
             }).FirstOrDefault();

    private static readonly PerModel<Func<AutoFinanceDbContext, Guid, string, CancellationToken, Task<CallbackIntentRead?>>> Success = new(() =>
        EF.CompileAsyncQuery(WithoutOutboxKeys(FailureRead)));

    private static readonly PerModel<Func<AutoFinanceDbContext, Guid, string, string, string, string, CancellationToken, Task<CallbackIntentRead?>>> Failure = new(() =>
        EF.CompileAsyncQuery(FailureRead));

    private static readonly PerModel<Func<AutoFinanceDbContext, Guid, CancellationToken, Task<PaymentIntentRow?>>> Settled = new(() =>
        EF.CompileAsyncQuery((AutoFinanceDbContext db, Guid intentId, CancellationToken ct) => db.Set<PaymentIntentRow>().FirstOrDefault(i => i.Id == intentId)));

    private static readonly PerModel<Func<AutoFinanceDbContext, Guid, CancellationToken, Task<PaymentIntentStatus>>> StatusNow = new(() =>
        EF.CompileAsyncQuery((AutoFinanceDbContext db, Guid intentId, CancellationToken ct) => db.Set<PaymentIntentRow>().Where(i => i.Id == intentId).Select(i => i.Status).FirstOrDefault()));

    public required PaymentIntentRow Intent { get; init; }

    /// <summary>Null when the intent's loan is not on file.</summary>
    public LoanNames? Loan { get; init; }

    // Whom a failure's notice goes to, as Recipients reads them. Selecting Recipients.Shape here instead made EF
    // number every customer row (a window over the whole table) to pick one; these are lookups by key.
    public bool OnFile { get; init; }

    public bool HasMobile { get; init; }

    public bool HasEmail { get; init; }

    /// <summary>The language of the customer's latest application; null when none.</summary>
    public string? Language { get; init; }

    public List<NotificationPreferenceRow> Choices { get; init; } = [];

    /// <summary>The loan's customer as a notice's recipient; null when not on file.</summary>
    public Recipient? Recipient => OnFile && Loan is { } loan ? Recipients.Of(loan.CustomerId, Language, HasMobile, HasEmail, Choices) : null;

    public bool InAppTaken { get; init; }

    public bool SmsTaken { get; init; }

    public bool EmailTaken { get; init; }

    /// <summary>The intent a success names, with its loan's names and its customer as recipient; null when there is none from this provider.</summary>
    public static Task<CallbackIntentRead?> ForSuccessAsync(AutoFinanceDbContext db, Guid intentId, string provider, CancellationToken ct) =>
        Success.For(db)(db, intentId, provider, ct);

    /// <summary>The intent a failure names, with its loan's names, its customer as recipient and which of the notice's keys are taken.</summary>
    public static Task<CallbackIntentRead?> ForFailureAsync(AutoFinanceDbContext db, Guid intentId, string provider, (string InApp, string Sms, string Email) keys, CancellationToken ct) =>
        Failure.For(db)(db, intentId, provider, keys.InApp, keys.Sms, keys.Email, ct);

    /// <summary>The intent (tracked) as it is now: read again once a success is posted, as another delivery may have settled it meanwhile.</summary>
    public static async Task<PaymentIntentRow> AfterPostingAsync(AutoFinanceDbContext db, Guid intentId, CancellationToken ct) =>
        await Settled.For(db)(db, intentId, ct).ConfigureAwait(false) ?? throw new InvalidOperationException($"payment intent {intentId} is no longer on file");

    /// <summary>The intent's status as stored now (the context's copy, if it tracks one, is left as it is).</summary>
    public static Task<PaymentIntentStatus> StatusAsync(AutoFinanceDbContext db, Guid intentId, CancellationToken ct) =>
        StatusNow.For(db)(db, intentId, ct);

    /// <summary>
    /// A success's read: a failure's without the outbox's keys (a success's notice is of a payment it makes, which no
    /// outbox row can name yet), the same expression otherwise, so both read the intent, its loan and the recipient alike.
    /// </summary>
    private static Expression<Func<AutoFinanceDbContext, Guid, string, CancellationToken, CallbackIntentRead?>> WithoutOutboxKeys(
        Expression<Func<AutoFinanceDbContext, Guid, string, string, string, string, CancellationToken, CallbackIntentRead?>> read)
    {
        var p = read.Parameters;
        return Expression.Lambda<Func<AutoFinanceDbContext, Guid, string, CancellationToken, CallbackIntentRead?>>(new OutboxKeysDropped().Visit(read.Body), p[0], p[1], p[2], p[6]);
    }

    /// <summary>Drops the outbox-key members from the read's projection.</summary>
    private sealed class OutboxKeysDropped : ExpressionVisitor
    {
        private static readonly HashSet<string> Dropped = [nameof(InAppTaken), nameof(SmsTaken), nameof(EmailTaken)];

        protected override Expression VisitMemberInit(MemberInitExpression node) => node.Type == typeof(CallbackIntentRead)
            ? node.Update(node.NewExpression, [.. node.Bindings.Where(b => !Dropped.Contains(b.Member.Name)).Select(VisitMemberBinding)])
            : base.VisitMemberInit(node);
    }

    /// <summary>What the outcome needs of the intent's loan.</summary>
    public sealed record LoanNames(Guid CustomerId, string Reference, string Currency);
}
