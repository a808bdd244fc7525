namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>The stable short codes of contact outcomes, as contact records store them, and what each means for the account.</summary>
public static class ContactOutcomes
{
    private static readonly Dictionary<ContactOutcome, string> Codes = new()
    {
        [ContactOutcome.NoAnswer] = "NA",
        [ContactOutcome.LeftMessage] = "LM",
        [ContactOutcome.WrongNumber] = "WN",
        [ContactOutcome.RightPartyContact] = "RPC",
        [ContactOutcome.PromiseToPay] = "PTP",
        [ContactOutcome.ClaimsPaid] = "PAID",
        [ContactOutcome.Disputed] = "DSP",
        [ContactOutcome.RefusedToPay] = "RTP",
        [ContactOutcome.HardshipRequested] = "HS",
        [ContactOutcome.CallbackRequested] = "CB",
    };

    private static readonly Dictionary<string, ContactOutcome> ByCode = Codes.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every outcome, in declaration order.</summary>
    public static IReadOnlyList<ContactOutcome> All { get; } = Enum.GetValues<ContactOutcome>();

    public static string ToCode(this ContactOutcome outcome) =>
        Codes.TryGetValue(outcome, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a contact outcome.");

    /// <summary>The outcome of a code (any case), or null for an unknown one.</summary>
    public static ContactOutcome? Parse(string? code) => code is not null && ByCode.TryGetValue(code.Trim(), out var outcome) ? outcome : null;

    /// <summary>Whether the collector spoke to the customer.</summary>
    public static bool IsRightPartyContact(this ContactOutcome outcome) => outcome is ContactOutcome.RightPartyContact
        or ContactOutcome.PromiseToPay or ContactOutcome.ClaimsPaid or ContactOutcome.Disputed
        or ContactOutcome.RefusedToPay or ContactOutcome.HardshipRequested or ContactOutcome.CallbackRequested;

    /// <summary>Whether the outcome needs a record of its own: a promise to evaluate, a payment to trace, a dispute or hardship case to open.</summary>
    public static bool NeedsFollowUp(this ContactOutcome outcome) => outcome is ContactOutcome.PromiseToPay
        or ContactOutcome.ClaimsPaid or ContactOutcome.Disputed or ContactOutcome.HardshipRequested or ContactOutcome.CallbackRequested;

    /// <summary>Whether the contact data should be checked before the next attempt.</summary>
    public static bool InvalidatesContactData(this ContactOutcome outcome) => outcome == ContactOutcome.WrongNumber;
}
