using AutoFinance.Domain.Origination.Funding;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>A payout as staff see it: the payee's account masked.</summary>
public sealed record PayoutView(
    Guid PayoutId, string Reference, Guid ContractId, decimal Amount, string Currency, string PayeeName, string PayeeBank, string AccountNumberMasked,
    string Channel, PayoutStatus Status, string? FailureReason, string? ConfirmationReference, Guid? LoanId, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    public PayoutPurpose Purpose { get; init; }

    /// <summary>See <see cref="PayoutRow.Unanswered"/>.</summary>
    public bool Unanswered { get; init; }

    /// <summary>A dealer payout's application, where it is acted on, when the list gives it.</summary>
    public Guid? ApplicationId { get; init; }

    /// <summary>The provider's or the bank's (ISO 20022) code of a failure or return, for a caller to act on whatever its language.</summary>
    public string? FailureCode { get; init; }

    /// <summary>Whether the failure lies with the payee's account: paying it again needs a new account.</summary>
    public bool PayeeAccountAtFault { get; init; }

    public static PayoutView Of(PayoutRow p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var failure = p.FailureReason is { } reason ? PayoutFailures.Read(reason) : null;
        return new(p.Id, p.Reference, p.ContractId, p.Amount, p.Currency, p.PayeeName, p.PayeeBank, p.AccountNumberMasked, p.Channel, p.Status, p.FailureReason,
            p.ConfirmationReference, p.LoanId, p.CreatedAt, p.CompletedAt)
        {
            Purpose = p.Purpose,
            Unanswered = p.IsUnanswered,
            FailureCode = failure?.Code,
            PayeeAccountAtFault = failure is not null && PayoutFailures.PayeeAccountAtFault(failure),
        };
    }
}
