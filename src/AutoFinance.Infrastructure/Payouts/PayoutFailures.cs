namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// Why a payout failed, as stored on it (in English, for the audit trail and the API) and read back for a screen to
/// say in its own language: the provider's reason code from its callback, a request the provider refused, or a
/// transfer the bank rejected with an ISO 20022 reason code, or a confirmed payout the payee's bank sent back.
/// </summary>
public static class PayoutFailures
{
    private const string NotTakenPrefix = "the provider did not take the instruction: ";
    private const string BankPrefix = "rejected by the bank";
    private const string CancelledPrefix = "cancelled by staff: ";
    private const string ReturnedPrefix = "returned by the payee's bank";

    public enum Kind
    {
        /// <summary>The provider's own reason, as its callback gave it (a code such as account-closed).</summary>
        Provider,

        /// <summary>The provider refused the instruction when it was sent.</summary>
        NotTaken,

        /// <summary>The bank's status report rejected the transfer.</summary>
        Bank,

        /// <summary>Staff cancelled it before it was carried out (at the provider, which confirmed it, or before any bank file).</summary>
        Cancelled,

        /// <summary>Carried out, then sent back by the payee's bank with an ISO 20022 reason code (a statement's return).</summary>
        Returned,
    }

    /// <summary>A reason read back: its kind, the bank's reason code, and the text that came with it.</summary>
    public sealed record Reading(Kind Kind, string? Code, string? Detail);

    /// <summary>
    /// Reasons that lie with the payee's account, not with the lender or a moment's fault: paying the same account again
    /// would fail again, so the dealer must give a new one. The provider's own code and ISO 20022's (closed, wrong,
    /// blocked or forbidden account; name not matching; wrong bank).
    /// </summary>
    private static readonly HashSet<string> AccountCodes = new(StringComparer.Ordinal) { "account-closed", "AC01", "AC03", "AC04", "AC06", "AG01", "BE01", "RC01", "MD07" };

    /// <summary>Whether the failure lies with the payee's account (see <see cref="AccountCodes"/>).</summary>
    public static bool PayeeAccountAtFault(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return reading.Kind is Kind.Provider or Kind.Bank or Kind.Returned && reading.Code is { } code && AccountCodes.Contains(code);
    }

    public static string NotTaken(string problem) => NotTakenPrefix + problem;

    /// <summary>"cancelled by staff: why".</summary>
    public static string Cancelled(string why) => CancelledPrefix + why;

    /// <summary>"rejected by the bank (AC04): what the bank wrote", either part left out when the report had none.</summary>
    public static string BankRejected(string? code, string? text) => WithCode(BankPrefix, code, text);

    /// <summary>"returned by the payee's bank (AC04): what the bank wrote", either part left out when the statement had none.</summary>
    public static string Returned(string? code, string? text) => WithCode(ReturnedPrefix, code, text);

    private static string WithCode(string prefix, string? code, string? text) =>
        prefix + (code is null ? string.Empty : $" ({code})") + (text is null ? string.Empty : $": {text}");

    public static Reading Read(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (reason.StartsWith(NotTakenPrefix, StringComparison.Ordinal))
        {
            return new(Kind.NotTaken, null, reason[NotTakenPrefix.Length..]);
        }

        if (reason.StartsWith(CancelledPrefix, StringComparison.Ordinal))
        {
            return new(Kind.Cancelled, null, reason[CancelledPrefix.Length..]);
        }

        var (kind, prefix) = reason.StartsWith(BankPrefix, StringComparison.Ordinal) ? (Kind.Bank, BankPrefix)
            : reason.StartsWith(ReturnedPrefix, StringComparison.Ordinal) ? (Kind.Returned, ReturnedPrefix)
            : (Kind.Provider, string.Empty);
        if (kind == Kind.Provider)
        {
            return new(Kind.Provider, reason, null);
        }

        var rest = reason[prefix.Length..];
        string? code = null;
        if (rest.StartsWith(" (", StringComparison.Ordinal) && rest.IndexOf(')', StringComparison.Ordinal) is > 2 and var close)
        {
            code = rest[2..close];
            rest = rest[(close + 1)..];
        }

        return new(kind, code, rest.StartsWith(": ", StringComparison.Ordinal) ? rest[2..] : null);
    }
}
