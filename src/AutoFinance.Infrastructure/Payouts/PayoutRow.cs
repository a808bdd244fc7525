using System.Linq.Expressions;
using AutoFinance.Domain.Origination.Funding;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// Money the platform instructed out to a payee's account (the dealer's settlement account for a contract): pending
/// until the provider's signed callback or a bank statement's debit line with its reference confirms it (the loan is
/// booked then) or the provider reports it failed. The payee's account is copied as it was when instructed. A refund
/// pays a closed loan's credit back to its customer: to an account they gave, or to the card bound under their mandate.
/// </summary>
public sealed class PayoutRow
{
    /// <summary>
    /// Instructed through the provider, still pending, and the provider never answered with its id: the answer was lost
    /// or the platform stopped before sending it (<see cref="PayoutResends"/> sends it again).
    /// </summary>
    public static readonly Expression<Func<PayoutRow, bool>> Unanswered =
        p => p.Status == PayoutStatus.Pending && p.Channel == DealerPayouts.ProviderChannel && p.ProviderObjectId == null;

    private static readonly Func<PayoutRow, bool> UnansweredNow = Unanswered.Compile();

    public bool IsUnanswered => UnansweredNow(this);

    public Guid Id { get; set; }

    /// <summary>The platform's reference: the provider's merchant reference and the pain.001 EndToEndId (at most 35 characters).</summary>
    public required string Reference { get; set; }

    public PayoutPurpose Purpose { get; set; } = PayoutPurpose.Disbursement;

    public Guid ContractId { get; set; }

    public Guid? DealerId { get; set; }

    public decimal Amount { get; set; }

    public required string Currency { get; set; }

    public required string PayeeName { get; set; }

    public required string PayeeBank { get; set; }

    public required string AccountNumberCipher { get; set; }

    public required string AccountNumberMasked { get; set; }

    /// <summary>For a refund to a bound card: the provider's mandate reference (the provider holds the card number).</summary>
    public string? MandateReference { get; set; }

    /// <summary>provider (instructed through the payment provider) or file (written into a pain.001 credit-transfer file).</summary>
    public required string Channel { get; set; }

    public PayoutStatus Status { get; set; } = PayoutStatus.Pending;

    public string? Provider { get; set; }

    public string? ProviderObjectId { get; set; }

    /// <summary>What confirmed it: the provider's transaction id or the statement entry reference.</summary>
    public string? ConfirmationReference { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>The pain.001 message the payout was last written into.</summary>
    public string? FileMessageId { get; set; }

    public Guid? LoanId { get; set; }

    public required string CreatedBy { get; set; }

    public string? IdempotencyKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public long Version { get; set; }
}
