using System.Text.Json;
using AutoFinance.Application.Common;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Web.Api;

/// <summary>
/// Reads a JSON body ourselves: a malformed document or a wrong-typed field becomes a problem naming the field by its
/// JSON path, and the raw text is kept to fingerprint the request for idempotency.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public sealed record Read<T>(T? Value, string Text, FieldError? Error);

    public static async Task<Read<T>> ReadAsync<T>(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return new Read<T>(default, string.Empty, new FieldError("body", $"is larger than {MaxBytes / 1024} KB"));
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxBytes + 1];
        var length = 0;
        int read;
        while (length <= MaxBytes && (read = await reader.ReadAsync(buffer.AsMemory(length, buffer.Length - length), ct).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        if (length > MaxBytes)
        {
            return new Read<T>(default, string.Empty, new FieldError("body", $"is larger than {MaxBytes / 1024} KB"));
        }

        var text = new string(buffer, 0, length);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Read<T>(default, text, new FieldError("body", "a JSON document is required"));
        }

        try
        {
            return new Read<T>(JsonSerializer.Deserialize<T>(text, Json.Options), text, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return new Read<T>(default, text, new FieldError(field, "is not valid here (malformed JSON or a value of the wrong type)"));
        }
    }
}
