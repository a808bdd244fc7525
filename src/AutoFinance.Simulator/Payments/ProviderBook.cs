using System.Collections.Concurrent;

namespace AutoFinance.Simulator.Payments;

/// <summary>What the simulated provider holds in memory: checkouts, mandates (with the card, as a provider would), payouts, debits and events.</summary>
internal sealed class ProviderBook
{
    public ConcurrentDictionary<string, Checkout> Checkouts { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, Mandate> Mandates { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, SignedDelivery> Events { get; } = new(StringComparer.Ordinal);

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
/// 0002 declines every other debit (the first, the third, ...), for trying retries; anything else succeeds.
/// </summary>
internal static class SandboxCards
{
    public static bool Declines(string number, int attempt) =>
        number.EndsWith("0009", StringComparison.Ordinal) || number.EndsWith("0002", StringComparison.Ordinal) && attempt % 2 == 1;
}
