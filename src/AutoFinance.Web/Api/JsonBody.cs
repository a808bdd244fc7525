using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoFinance.Application.Common;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Web.Api;

/// <summary>
/// Reads a JSON body ourselves: a malformed document or a wrong-typed field becomes a problem naming the field by its
/// JSON path, and the body's SHA-256 fingerprints the request for idempotency. The body is read into a pooled
/// buffer with a size cap, so a request costs no large allocation; a larger body answers 413 (see
/// <see cref="Security.BadRequestProblems"/>).
/// Reading is strict: a property given twice is refused (the last one must not silently win:
/// <c>{"amount":1.00,"amount":99999.00}</c>), and a number must be a JSON number, never a string (<c>"100"</c>,
/// <c>"1e2"</c>), unless a field says otherwise.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The platform's JSON style, read strictly.</summary>
    public static JsonSerializerOptions Strict { get; } = new(Json.Options)
    {
        AllowDuplicateProperties = false,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public sealed record Read<T>(T? Value, string Fingerprint, FieldError? Error);

    public static async Task<Read<T>> ReadAsync<T>(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return TooLarge<T>();
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= MaxBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBytes + 1 - length), ct).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            if (length > MaxBytes)
            {
                return TooLarge<T>();
            }

            var body = buffer.AsSpan(0, length);
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(body));
            if (body.Trim(" \t\r\n"u8).IsEmpty)
            {
                return new Read<T>(default, fingerprint, FieldProblems.Required("body", "a JSON document is required"));
            }

            try
            {
                return new Read<T>(JsonSerializer.Deserialize<T>(body, Strict), fingerprint, null);
            }
            catch (JsonException e)
            {
                var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
                return new Read<T>(default, fingerprint, IsDuplicate(e)
                    ? FieldProblems.Of(field, "json.duplicate", "is given more than once; send each property once")
                    : FieldProblems.Of(field, "json.invalid", "is not valid here (malformed JSON, a value of the wrong type, or a number sent as a string)"));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>System.Text.Json reports a repeated property with this wording (and the property's path).</summary>
    private static bool IsDuplicate(JsonException e) => e.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase);

    private static Read<T> TooLarge<T>() =>
        throw new BadHttpRequestException($"the request body is larger than {MaxBytes / 1024} KB", StatusCodes.Status413PayloadTooLarge);
}
