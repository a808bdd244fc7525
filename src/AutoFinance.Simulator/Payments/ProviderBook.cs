using System.Collections.Concurrent;

namespace AutoFinance.Simulator.Payments;

/// <summary>What the simulated provider holds in memory: checkouts, mandates (with the card, as a provider would), payouts, debits and events.</summary>
internal sealed class ProviderBook
{
    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, Checkout> Checkouts { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, Mandate> Mandates { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, SignedDelivery> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>Payouts by the merchant (its callback address) and the merchant's reference.</summary>
    public ConcurrentDictionary<string, Instruction> Payouts { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// How a payout ended at the provider, by the same key: carried out (its callback sent) or cancelled by the merchant
    /// (a reference cancelled before any payout was asked under it stays refused). Whichever comes first stands.
    /// </summary>
    public ConcurrentDictionary<string, string> PayoutEnds { get; } = new(StringComparer.Ordinal);

    public const string CarriedOut = "carried-out";

    public const string Cancelled = "cancelled";

    /// <summary>Debits by the merchant (its callback address) and the merchant's reference.</summary>
    public ConcurrentDictionary<string, Instruction> Debits { get; } = new(StringComparer.Ordinal);

    /// <summary>True the first time a merchant's reference is shown to the sandbox, false after.</summary>
    public bool FirstSeen(string merchantKey) => _seen.TryAdd(merchantKey, true);

    public static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}

internal sealed class Checkout(string id, string merchantReference, decimal amount, string currency, string description, Uri notifyUrl, Uri returnUrl, DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();

    public string Id => id;

    public string MerchantReference => merchantReference;

    public decimal Amount => amount;

    public string Currency => currency;

    public string Description => description;

    public Uri NotifyUrl => notifyUrl;

    public Uri ReturnUrl => returnUrl;

    public DateTimeOffset CreatedAt => createdAt;

    public string Status { get; private set; } = "pending";

    /// <summary>Moves a pending checkout to its outcome; false when it already has one.</summary>
    public bool Settle(string outcome)
    {
        lock (_gate)
        {
            if (Status != "pending")
            {
                return false;
            }

            Status = outcome;
            return true;
        }
    }
}

/// <summary>
/// A payout or debit taken: its amount, and the other party (for a payout the payee's account number or the card of a
/// refund; for a debit the mandate charged).
/// </summary>
internal sealed record Instruction(string Id, string MerchantReference, decimal Amount, string Currency, string Party);

internal sealed class Mandate(string reference, string cardNumber, string bank)
{
    private int _attempts;

    public string Reference => reference;

    public string CardNumber => cardNumber;

    public string Bank => bank;

    /// <summary>Counts a debit attempt and says whether the sandbox card declines it (see <see cref="SandboxCards"/>).</summary>
    public bool Declines() => SandboxCards.Declines(cardNumber, Interlocked.Increment(ref _attempts));
}

/// <summary>
/// Sandbox numbers, as real providers publish them: a card or account ending 0009 always declines; a card ending
/// 0002 declines every other debit (the first, the third, ...), for trying retries; anything else succeeds. Two more try
/// the merchant's handling of a request whose answer never came, for payouts to an account and debits of a card: one
/// ending 0503 answers the first request for a reference 503 without taking it (as if it never arrived), and one ending
/// 0504 takes the payout or debit but answers 504 (a gateway that lost the answer). A payout to an account ending 0505
/// is held for the provider's review and never carried out unless the merchant cancels it first. A payout to an account
/// ending 0506 is carried out, but its callback is lost on the way: it arrives only when the merchant asks for it again.
/// A payout to an account ending 0507 is carried out and then sent back by the payee's bank (the account closed):
/// <c>payout.succeeded</c>, then <c>payout.returned</c>.
/// </summary>
internal static class SandboxCards
{
    public static bool Declines(string number, int attempt) =>
        number.EndsWith("0009", StringComparison.Ordinal) || number.EndsWith("0002", StringComparison.Ordinal) && attempt % 2 == 1;

    public static bool LosesRequest(string number) => number.EndsWith("0503", StringComparison.Ordinal);

    public static bool LosesAnswer(string number) => number.EndsWith("0504", StringComparison.Ordinal);

    public static bool HeldForReview(string number) => number.EndsWith("0505", StringComparison.Ordinal);

    public static bool LosesCallback(string number) => number.EndsWith("0506", StringComparison.Ordinal);

    public static bool ReturnedLater(string number) => number.EndsWith("0507", StringComparison.Ordinal);
}
