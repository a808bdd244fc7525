using System.Text.RegularExpressions;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// What the platform writes on a statement line it leaves in suspense or matches itself, as stored (in English, for the
/// audit trail and the API) and read back for a screen to say in its own language. A refusal keeps the posting's stable
/// code and figures in brackets before its English sentence, so the screen can say the refusal itself; a note staff
/// typed is read back as typed.
/// </summary>
public static partial class SuspenseNotes
{
    private const int Longest = 300;

    public enum Kind
    {
        /// <summary>Typed by staff, or written before notes were read back: shown as it is.</summary>
        Typed,

        /// <summary>A provider's money for a payment its loan would not take.</summary>
        NotPosted,

        /// <summary>A bank credit matched to a loan that would not take it.</summary>
        Refused,

        /// <summary>A bank debit that confirmed a payout.</summary>
        PayoutConfirmed,

        /// <summary>A bank credit that brought a confirmed payout back from the payee's bank.</summary>
        PayoutReturned,
    }

    /// <summary>
    /// A note read back. <paramref name="Provider"/>, <paramref name="Loan"/> (a reference or an id) and
    /// <paramref name="Payment"/> (a payment intent, or the reference of the payout a statement confirmed) name what the note is about; <paramref name="Code"/> and <paramref name="Figures"/> are the
    /// refusal's, when it had a code; <paramref name="Text"/> is the English sentence (the whole note when typed).
    /// </summary>
    public sealed record Reading(Kind Kind, string? Provider, string? Loan, string? Payment, string? Code, IReadOnlyDictionary<string, string> Figures, string Text);

    /// <summary>"paid through {provider} for loan {reference} (payment {intent}) but not posted [code?figure=value]: {problem}".</summary>
    public static string NotPosted(string provider, string loanReference, Guid intentId, LoanPosting.Posted posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        return Cut($"paid through {provider} for loan {loanReference} (payment {intentId}) but not posted{Bracket(posted)}: {posted.Problem ?? "refused"}");
    }

    /// <summary>"matched loan {id} refused it [code?figure=value]: {problem}".</summary>
    public static string Refused(Guid loanId, LoanPosting.Posted posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        return Cut($"matched loan {loanId} refused it{Bracket(posted)}: {posted.Problem ?? "refused"}");
    }

    public static string PayoutConfirmed(string reference) => Cut($"payout {reference} confirmed");

    public static string PayoutReturned(string reference) => Cut($"payout {reference} returned");

    public static Reading Read(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (NotPostedForm().Match(note) is { Success: true } notPosted)
        {
            return ReadRefusal(Kind.NotPosted, notPosted, notPosted.Groups["provider"].Value, notPosted.Groups["loan"].Value, notPosted.Groups["payment"].Value);
        }

        if (RefusedForm().Match(note) is { Success: true } refused)
        {
            return ReadRefusal(Kind.Refused, refused, null, refused.Groups["loan"].Value, null);
        }

        return PayoutForm().Match(note) is { Success: true } payout
            ? new(payout.Groups["what"].Value == "confirmed" ? Kind.PayoutConfirmed : Kind.PayoutReturned, null, null, payout.Groups["reference"].Value, null, Empty, note)
            : new(Kind.Typed, null, null, null, null, Empty, note);
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static Reading ReadRefusal(Kind kind, Match match, string? provider, string loan, string? payment)
    {
        var figures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in match.Groups["figures"].Value.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at > 0)
            {
                figures[Uri.UnescapeDataString(pair[..at])] = Uri.UnescapeDataString(pair[(at + 1)..]);
            }
        }

        var code = match.Groups["code"].Success ? match.Groups["code"].Value : null;
        return new(kind, provider, loan, payment, code, figures, match.Groups["problem"].Value);
    }

    private static string Bracket(LoanPosting.Posted posted)
    {
        if (posted.Code is not { Length: > 0 } code)
        {
            return string.Empty;
        }

        var figures = string.Join('&', (posted.Parameters ?? Empty).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return figures.Length == 0 ? $" [{code}]" : $" [{code}?{figures}]";
    }

    // The code and figures come before the sentence, so a note cut to the column's length keeps them.
    private static string Cut(string note) => note[..Math.Min(note.Length, Longest)];

    private const string Refusal = @"(?: \[(?<code>[A-Za-z0-9._-]+)(?:\?(?<figures>[^\]]*))?\])?: (?<problem>.*)";

    [GeneratedRegex(@"^paid through (?<provider>\S+) for loan (?<loan>\S+) \(payment (?<payment>[0-9a-fA-F-]{36})\) but not posted" + Refusal + "$", RegexOptions.Singleline)]
    private static partial Regex NotPostedForm();

    [GeneratedRegex(@"^matched loan (?<loan>[0-9a-fA-F-]{36}) refused it" + Refusal + "$", RegexOptions.Singleline)]
    private static partial Regex RefusedForm();

    [GeneratedRegex(@"^payout (?<reference>\S+) (?<what>confirmed|returned)$")]
    private static partial Regex PayoutForm();
}
