namespace AutoFinance.Application.Payments;

/// <summary>
/// The payment provider the platform moves money through: hosted checkouts for customers, card mandates and direct
/// debits, and payouts to dealers and customers. Every outcome arrives later as a signed callback
/// (<see cref="ProviderCallback"/>); nothing here says money has moved.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>The provider's name, as it appears in its callback address (<c>/api/v1/payment-callbacks/{name}</c>).</summary>
    string Name { get; }

    /// <summary>Opens a hosted checkout for an amount; the customer is sent to its address to pay or decline.</summary>
    Task<ProviderCheckout> CreateCheckoutAsync(CheckoutOrder order, CancellationToken ct);

    /// <summary>Asks the provider to pay money out to a bank account (a dealer's settlement account, a customer's refund).</summary>
    Task<ProviderInstruction> CreatePayoutAsync(PayoutOrder order, CancellationToken ct);

    /// <summary>
    /// Asks the provider to cancel a payout it has not carried out yet, by the reference it was asked under (and the
    /// address its callbacks go to, which with the reference names it at the provider). The provider then refuses that
    /// reference for good, so a request still on its way cannot pay it later. A payout it has carried out already is
    /// not cancelled: its callback says how it ended.
    /// </summary>
    Task<PayoutCancellation> CancelPayoutAsync(string merchantReference, Uri notifyUrl, CancellationToken ct);

    /// <summary>
    /// Asks the provider to send the callback of a payout it has carried out once more (the first never arrived), by the
    /// same reference and address; false when no payout under the reference has ended there. The payout is settled only by
    /// that signed callback, as always.
    /// </summary>
    Task<bool> ResendPayoutNoticeAsync(string merchantReference, Uri notifyUrl, CancellationToken ct);

    /// <summary>Binds a card for direct debit; the provider keeps the card, the platform keeps its mandate reference and a mask.</summary>
    Task<ProviderMandate> CreateMandateAsync(MandateOrder order, CancellationToken ct);

    /// <summary>Asks the provider to debit a bound card under its mandate.</summary>
    Task<ProviderInstruction> CreateDebitAsync(DebitOrder order, CancellationToken ct);
}

/// <summary>A checkout to open: the platform's own reference for it, the amount, and where the provider reports and returns.</summary>
public sealed record CheckoutOrder(string MerchantReference, decimal Amount, string Currency, string Description, Uri NotifyUrl, Uri ReturnUrl);

/// <summary>The provider's checkout: its id and the hosted page the customer pays on.</summary>
public sealed record ProviderCheckout(string CheckoutId, Uri CheckoutUrl);

/// <summary>
/// A payout to make: the platform's reference, the amount, and the payee's verified account — or, for a refund to a
/// card, the mandate it is bound under (the account is then empty: the provider holds the card number).
/// </summary>
public sealed record PayoutOrder(string MerchantReference, decimal Amount, string Currency, string PayeeName, string PayeeAccount, string PayeeBank, Uri NotifyUrl)
{
    public string? MandateReference { get; init; }
}

/// <summary>The provider's answer to a cancellation.</summary>
public enum PayoutCancellation
{
    /// <summary>Cancelled, or never held: nothing was or will be paid under the reference.</summary>
    Cancelled,

    /// <summary>Carried out already (paid, or failed at the bank): its callback settles the payout.</summary>
    CarriedOut,
}

/// <summary>A card to bind: the number goes to the provider only, never to the platform's storage.</summary>
public sealed record MandateOrder(string MerchantReference, string CardNumber, string HolderName, string Bank);

/// <summary>A bound mandate: the provider's reference and the card as it may be shown.</summary>
public sealed record ProviderMandate(string MandateReference, string MaskedCard, string Bank);

/// <summary>A debit under a mandate.</summary>
public sealed record DebitOrder(string MerchantReference, string MandateReference, decimal Amount, string Currency, Uri NotifyUrl);

/// <summary>The provider's id for an instruction it accepted (its outcome comes by callback).</summary>
public sealed record ProviderInstruction(string InstructionId);

/// <summary>The provider could not be reached, refused the request, or gave no answer to it (<see cref="Failure"/>).</summary>
public sealed class PaymentProviderException(string message, Exception? inner = null) : Exception(message, inner)
{
    public ProviderFailure Failure { get; init; } = ProviderFailure.Refused;

    /// <summary>
    /// Whether the provider may hold what this request asked for, so it must stay pending rather than fail: the answer
    /// was lost. Sent <paramref name="again"/> under the same reference, an unreachable provider says nothing of the
    /// first request either.
    /// </summary>
    public bool MayHoldIt(bool again) => Failure == ProviderFailure.Unanswered || (again && Failure == ProviderFailure.NotReached);
}

/// <summary>What became of an instruction (a payout, a debit) sent to the provider.</summary>
public enum InstructionOutcome
{
    /// <summary>The provider answered with its id; the outcome comes by callback.</summary>
    Taken,

    /// <summary>The provider may hold it (<see cref="PaymentProviderException.MayHoldIt"/>): it stays pending, to be sent again under the same reference.</summary>
    Unanswered,

    /// <summary>The provider refused it, or could not be reached the first time: it failed, and nothing was instructed.</summary>
    Failed,
}

/// <summary>What a request the provider did not carry out left behind.</summary>
public enum ProviderFailure
{
    /// <summary>No connection was made: the request never left, nothing was instructed.</summary>
    NotReached,

    /// <summary>The provider answered no (a bad request, a rate limit): nothing was instructed.</summary>
    Refused,

    /// <summary>
    /// The request was sent but its answer never came or said nothing usable: a timeout, a broken connection, a server
    /// error, or a reference the provider already holds. The provider may have taken it; only the same request sent
    /// again, under the same merchant reference, tells.
    /// </summary>
    Unanswered,
}
