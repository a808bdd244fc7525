using System.Text.RegularExpressions;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Application.Servicing.PostPayment;

/// <summary>
/// Where money came from. Staff post only money they hold proof of: cash counted at a branch, a bank transfer
/// confirmed, a card terminal slip or a cheque, each with the receipt's reference. The rails (payment provider, bank
/// statement, direct debit) post under their own channel with the rail's reference.
/// </summary>
public static partial class PaymentChannels
{
    public const string Cash = "cash";
    public const string BankTransfer = "bank-transfer";
    public const string CardTerminal = "card-terminal";
    public const string Cheque = "cheque";
    public const string Provider = "provider";
    public const string BankStatement = "bank-statement";
    public const string DirectDebit = "direct-debit";

    public static readonly IReadOnlyList<string> Staff = [Cash, BankTransfer, CardTerminal, Cheque];

    public static readonly IReadOnlyList<string> Rails = [Provider, BankStatement, DirectDebit];

    /// <summary>The receipt problems of a payment: staff must name a staff channel and a receipt; the rails a rail channel.</summary>
    public static IEnumerable<FieldError> Check(Actor actor, string? askedChannel, string? receiptReference)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var allowed = actor.IsStaff ? Staff : Rails;
        var channel = askedChannel?.Trim().ToLowerInvariant();
        if (actor.IsStaff || channel is not null)
        {
            if (channel is null || !allowed.Contains(channel))
            {
                yield return new("channel", $"must be one of {string.Join(", ", allowed)}", "payment.channel.unknown",
                    FieldProblems.Figures(("allowed", string.Join(", ", allowed))));
            }
        }

        var reference = receiptReference?.Trim();
        if (actor.IsStaff && string.IsNullOrEmpty(reference))
        {
            yield return new("receiptReference", "is required: the number on the receipt, slip or bank confirmation", "payment.receipt.required");
        }
        else if (actor.IsStaff && !ReferencePattern().IsMatch(reference!))
        {
            yield return new("receiptReference", "must be 3 to 64 letters, digits, '-', '/', '.' or '_'", "payment.receipt.invalid");
        }
    }

    // The rails' references are the bank's or provider's own and are taken as they come (the posting key bounds their length).
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_./-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
