using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using AutoFinance.Application.Common;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Web.Api;

/// <summary>
/// Reads a JSON body ourselves: a malformed document or a wrong-typed field becomes a problem naming the field by its
/// JSON path, and the body's SHA-256 fingerprints the request for idempotency. The body is read into a pooled
/// buffer with a size cap, so a request costs no large allocation; a larger body answers 413 (see
/// <see cref="Security.BadRequestProblems"/>).
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

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
                return new Read<T>(default, fingerprint, new FieldError("body", "a JSON document is required"));
            }

            try
            {
                return new Read<T>(JsonSerializer.Deserialize<T>(body, Json.Options), fingerprint, null);
            }
            catch (JsonException e)
            {
                var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
                return new Read<T>(default, fingerprint, new FieldError(field, "is not valid here (malformed JSON or a value of the wrong type)"));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Read<T> TooLarge<T>() =>
        throw new BadHttpRequestException($"the request body is larger than {MaxBytes / 1024} KB", StatusCodes.Status413PayloadTooLarge);
}
