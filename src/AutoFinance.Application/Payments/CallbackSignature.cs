using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AutoFinance.Application.Payments;

/// <summary>
/// The provider's signature on a callback: HMAC-SHA256, with the provider's own secret, over the timestamp (Unix
/// seconds), a dot and the body exactly as received, sent as <c>sha256=&lt;hex&gt;</c>. A callback is taken only when its
/// timestamp is within five minutes of now (either side) and the signature matches, compared in constant time, so a
/// captured callback cannot be replayed later and a forged one cannot be guessed byte by byte.
/// </summary>
public static class CallbackSignature
{
    public const string TimestampHeader = "X-Pay-Timestamp";
    public const string SignatureHeader = "X-Pay-Signature";
    private const string Scheme = "sha256=";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public enum Check
    {
        Verified,
        Missing,
        Stale,
        Mismatch,
    }

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        Scheme + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    public static Check Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature) || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return Check.Missing;
        }

        if (seconds < now.AddYears(-1).ToUnixTimeSeconds() || seconds > now.AddYears(1).ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Window)
        {
            return Check.Stale;
        }

        if (!signature.StartsWith(Scheme, StringComparison.Ordinal) || signature.Length != Scheme.Length + 64)
        {
            return Check.Mismatch;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(Scheme.Length));
        }
        catch (FormatException)
        {
            return Check.Mismatch;
        }

        return CryptographicOperations.FixedTimeEquals(given, Mac(secret, seconds, body)) ? Check.Verified : Check.Mismatch;
    }

    private static byte[] Mac(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
