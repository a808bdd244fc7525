using System.Linq.Expressions;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// Money the platform has asked a provider to collect (a customer's checkout, a direct debit) and not yet received:
/// pending until the provider's signed callback says succeeded (then it is posted, once, under the provider's
/// transaction id), failed or expired.
/// </summary>
public sealed class PaymentIntentRow
{
    /// <summary>
    /// A direct debit still pending without the provider's id: its request's answer was lost, or the platform stopped
    /// before sending it (<see cref="DirectDebitRun"/> sends it again).
    /// </summary>
    public static readonly Expression<Func<PaymentIntentRow, bool>> UnansweredDebit =
        i => i.Kind == DirectDebitRun.DebitKind && i.Status == PaymentIntentStatus.Pending && i.ProviderObjectId == null;

    public Guid Id { get; set; }

    public Guid LoanId { get; set; }

    /// <summary>checkout (the customer pays on the provider's page) or debit (a direct debit under a mandate).</summary>
    public required string Kind { get; set; }

    public decimal Amount { get; set; }

    public required string Currency { get; set; }

    /// <summary>What to do with any surplus once the money is in: hold or prepay, as for any payment.</summary>
    public required string Surplus { get; set; }

    public required string Provider { get; set; }

    /// <summary>The provider's id for the checkout or debit.</summary>
    public string? ProviderObjectId { get; set; }

    public string? CheckoutUrl { get; set; }

    /// <summary>pending, succeeded, failed or expired.</summary>
    public PaymentIntentStatus Status { get; set; } = PaymentIntentStatus.Pending;

    public string? FailureReason { get; set; }

    /// <summary>The provider's transaction id for the money received: the payment is posted once per id.</summary>
    public string? ProviderTransactionId { get; set; }

    /// <summary>The payment the money was posted as.</summary>
    public Guid? PaymentId { get; set; }

    /// <summary>The debit run's request this intent carries (null for a customer's own checkout).</summary>
    public Guid? DebitRequestId { get; set; }

    public required string CreatedBy { get; set; }

    public string? IdempotencyKey { get; set; }

    public string? RequestHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>Where a payment intent stands: waiting for the provider, or what the provider's verified callback said.</summary>
public enum PaymentIntentStatus
{
    Pending,
    Succeeded,
    Failed,
    Expired,
}
