using System.Globalization;
using AutoFinance.Application.Common;
using AutoFinance.Application.Payments;
using AutoFinance.Application.Security;
using AutoFinance.Application.Servicing;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// A customer's payment as it really happens: the platform opens a checkout with the provider and records a pending
/// intent (nothing posted); the customer pays on the provider's page; only the provider's verified callback saying
/// succeeded posts the money (<see cref="PaymentCallbacks"/>). An amount above today's payoff is refused up front.
/// </summary>
public sealed class PaymentIntents(AutoFinanceDbContext db, IPaymentProvider provider, IPlatformAddress platform, LoanPosting posting, GroupCommit commits, TimeProvider time)
{
    public const string AboveFullPayoffCode = "payment.amount.exceeds_payoff";

    /// <summary>A checkout for today's payoff amount: the loan is paid off (closed) when the money arrives.</summary>
    public const string PayoffKind = "payoff";

    public const string CheckoutKind = "checkout";

    private static readonly string[] SurplusChoices = ["hold", "prepay", "prepay-keep-payment"];

    /// <summary>What the customer pays and what to do with any surplus; a customer's payment is dated by the server, so <c>paidOn</c> may only be today.</summary>
    public sealed record IntentInput(decimal? Amount, string? Surplus = null, DateOnly? PaidOn = null);

    /// <summary>An intent as the customer and staff see it; <c>providerReference</c> is the provider's transaction id once paid.</summary>
    public sealed record IntentView(
        Guid PaymentId, Guid LoanId, PaymentIntentStatus Status, string Kind, decimal Amount, string Currency, string Surplus, Uri? CheckoutUrl,
        string? ProviderReference, Guid? PostedPaymentId, string? FailureReason, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

    public async Task<CommandResult<IntentView>> StartAsync(Actor actor, Guid loanId, IntentInput input, string? idempotencyKey, CancellationToken ct, string kind = CheckoutKind)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        // The loan and, in the same round trip, the intent an earlier request under this key made, if any, and what
        // the payoff quote needs besides the instalments.
        var found = await IntentLoanRead.ForAsync(db, loanId, actor.AuditName, idempotencyKey, ct).ConfigureAwait(false);
        var loan = found?.Loan;
        if (loan is null || !LoanAccess.MayPay(actor, loan.CustomerId))
        {
            return CommandResult<IntentView>.NotFound();
        }

        var currency = Currency.FromCode(loan.Currency);
        var amount = input.Amount ?? 0m;
        var surplus = input.Surplus?.Trim().ToLowerInvariant() ?? "hold";
        var hash = Json.Sha256(string.Create(CultureInfo.InvariantCulture, $"{kind}|{loanId}|{amount}|{surplus}"));
        if (found!.EarlierId is { } earlierId)
        {
            var earlier = await db.Set<PaymentIntentRow>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == earlierId, ct).ConfigureAwait(false);
            if (earlier is not null)
            {
                return earlier.RequestHash == hash
                    ? CommandResult<IntentView>.Ok(View(earlier))
                    : CommandResult<IntentView>.Unprocessable("Idempotency-Key", "was already used for another request; use a new key for a new payment", "idempotency.key.reused");
            }
        }

        var (_, dated) = PostingDates.Check<IntentView>(actor, input.PaidOn, null, DateOnly.FromDateTime(time.GetLocalNow().DateTime), loan.StartDate, "paidOn");
        if (dated is { Failure: CommandFailure.Unprocessable })
        {
            return dated;
        }

        var errors = new List<FieldError>();
        if (amount <= 0 || amount > 100_000_000m || currency.Round(amount) != amount)
        {
            errors.Add(new("amount", $"must be a positive amount in whole {currency.Code} minor units, at most 100000000"));
        }

        if (!SurplusChoices.Contains(surplus))
        {
            errors.Add(new("surplus", "must be hold (keep any surplus as credit), prepay (apply it to principal, lowering the payment) or prepay-keep-payment (shortening the term)"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<IntentView>.Invalid(errors);
        }

        if (await posting.PayoffTodayAsync(actor, loan, found.Known, ct).ConfigureAwait(false) is not { } payoff)
        {
            return loan.Status != Domain.Servicing.Loans.LoanStatus.Active
                ? CommandResult<IntentView>.From(Domain.Servicing.Loans.ServicingError.NotActive(loan.Status))
                : CommandResult<IntentView>.Conflict("the loan takes no payment before it starts", "loan.not-started");
        }

        if (kind == PayoffKind && amount != payoff)
        {
            var figure = payoff.ToString("0.00", CultureInfo.InvariantCulture);
            return CommandResult<IntentView>.Conflict($"the payoff amount today is {figure} {currency.Code}; confirm that amount") with
            {
                Code = "payoff.amount.changed", Parameters = new Dictionary<string, string> { ["payoffAmount"] = figure, ["currency"] = currency.Code },
            };
        }

        if (kind == CheckoutKind && amount == payoff)
        {
            // Paying exactly what pays the loan off today pays it off, whatever was chosen for a surplus.
            kind = PayoffKind;
        }

        if (amount > payoff)
        {
            var figure = payoff.ToString("0.00", CultureInfo.InvariantCulture);
            return CommandResult<IntentView>.Unprocessable("amount", $"is more than the {figure} {currency.Code} that pays the loan off today; pay at most {figure}", AboveFullPayoffCode)
                with { Parameters = new Dictionary<string, string> { ["payoffAmount"] = figure, ["currency"] = currency.Code } };
        }

        var now = time.GetUtcNow();
        var intent = new PaymentIntentRow
        {
            Id = Guid.CreateVersion7(now),
            LoanId = loanId,
            Kind = kind,
            Amount = amount,
            Currency = currency.Code,
            Surplus = surplus,
            Provider = provider.Name,
            CreatedBy = actor.AuditName,
            IdempotencyKey = idempotencyKey,
            RequestHash = hash,
            CreatedAt = now,
        };
        var checkout = await provider.CreateCheckoutAsync(new CheckoutOrder(intent.Id.ToString(), amount, currency.Code, $"AutoFinance {loan.Id.ToString()[..8]}",
            CallbackAddress(platform, provider.Name), new Uri(platform.BaseAddress, $"/loans/{loanId}/payments/{intent.Id}")), ct).ConfigureAwait(false);
        intent.ProviderObjectId = checkout.CheckoutId;
        intent.CheckoutUrl = checkout.CheckoutUrl.ToString();
        try
        {
            await commits.InsertAsync([intent], [new AuditEvent(actor.AuditName, "payment.intent.created", "loan", loanId.ToString(), new { intent.Id, amount, intent.Provider, intent.ProviderObjectId })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (idempotencyKey is not null && UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return await StartAsync(actor, loanId, input, idempotencyKey, ct).ConfigureAwait(false);
        }

        return CommandResult<IntentView>.Ok(View(intent));
    }

    public async Task<IntentView?> GetAsync(Actor actor, Guid loanId, Guid paymentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await VisibleAsync(actor, loanId, ct).ConfigureAwait(false))
        {
            return null;
        }

        var intent = await db.Set<PaymentIntentRow>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == paymentId && i.LoanId == loanId, ct).ConfigureAwait(false);
        return intent is null ? null : View(intent);
    }

    /// <summary>
    /// Where a posted payment's money went: per instalment by component (fees, penalty interest, interest,
    /// principal), and what was held as credit or prepaid; null when the payment is not on this visible loan.
    /// </summary>
    public async Task<Breakdown?> BreakdownAsync(Actor actor, Guid loanId, Guid postedPaymentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await VisibleAsync(actor, loanId, ct).ConfigureAwait(false))
        {
            return null;
        }

        var payment = await db.Payments.AsNoTracking().Where(p => p.Id == postedPaymentId && p.LoanId == loanId)
            .Select(p => new { p.AllocationJson, p.Overpayment, p.Prepaid }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return payment is null ? null : new Breakdown(
            Json.Deserialize<List<Domain.Servicing.InstallmentAllocation>>(payment.AllocationJson) ?? [], payment.Overpayment, payment.Prepaid);
    }

    /// <param name="Parts">What each instalment took, by component.</param>
    /// <param name="Held">Held as credit for what falls due next.</param>
    /// <param name="Prepaid">Paid ahead on principal.</param>
    public sealed record Breakdown(IReadOnlyList<Domain.Servicing.InstallmentAllocation> Parts, decimal Held, decimal Prepaid);

    public async Task<IReadOnlyList<IntentView>?> ListAsync(Actor actor, Guid loanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await VisibleAsync(actor, loanId, ct).ConfigureAwait(false))
        {
            return null;
        }

        var intents = await db.Set<PaymentIntentRow>().AsNoTracking().Where(i => i.LoanId == loanId).ToListAsync(ct).ConfigureAwait(false);
        return [.. intents.OrderByDescending(i => i.CreatedAt).Select(View)];
    }

    /// <summary>Where the provider reports outcomes: <c>/api/v1/payment-callbacks/{provider}</c> on the platform.</summary>
    public static Uri CallbackAddress(IPlatformAddress platform, string providerName)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return new Uri(platform.BaseAddress, $"/api/v1/payment-callbacks/{providerName}");
    }

    private async Task<bool> VisibleAsync(Actor actor, Guid loanId, CancellationToken ct) =>
        await db.Loans.AsNoTracking().FirstOrDefaultAsync(l => l.Id == loanId, ct).ConfigureAwait(false) is { } loan && LoanAccess.MayPay(actor, loan.CustomerId);

    public static IntentView View(PaymentIntentRow intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return new(intent.Id, intent.LoanId, intent.Status, intent.Kind, intent.Amount, intent.Currency, intent.Surplus, intent.CheckoutUrl is { } url ? new Uri(url) : null,
            intent.ProviderTransactionId, intent.PaymentId, intent.FailureReason, intent.CreatedAt, intent.CompletedAt);
    }
}
