using System.Globalization;
using System.Security.Cryptography;

namespace AutoFinance.Domain.Servicing.Reconciliation;

/// <summary>
/// A loan's repayment reference: the virtual account number a customer pays by bank transfer, so the bank statement
/// names the loan. 18 digits: the lender's prefix 6216, 13 digits drawn from the loan's id (SHA-256, so they are spread
/// evenly and no loan guesses another's), and a Luhn check digit that catches a mistyped digit.
/// </summary>
public static class RepaymentReference
{
    private const string Prefix = "6216";

    public static string For(Guid loanId)
    {
        var hash = SHA256.HashData(loanId.ToByteArray());
        var number = BitConverter.ToUInt64(hash, 0) % 10_000_000_000_000UL;
        var body = Prefix + number.ToString("D13", CultureInfo.InvariantCulture);
        return body + CheckDigit(body);
    }

    /// <summary>Whether a text is a well-formed repayment reference (prefix, length and check digit), spaces allowed.</summary>
    public static bool IsWellFormed(string? text)
    {
        var digits = text?.Replace(" ", string.Empty, StringComparison.Ordinal);
        return digits is { Length: 18 } && digits.StartsWith(Prefix, StringComparison.Ordinal) && digits.All(char.IsAsciiDigit) && CheckDigit(digits[..17]) == digits[17];
    }

    public static string Normalise(string text) => (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static char CheckDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
