using System.Text.Json;
using AutoFinance.Infrastructure.Servicing;

namespace AutoFinance.Infrastructure.Messaging;

/// <summary>
/// The default sender: appends each SMS or e-mail as one JSON line to <c>{directory}/{channel}.jsonl</c>, where an
/// operator (or a gateway adapter) picks it up. Like a real receiver it drops a message id it has already taken, so
/// the outbox's at-least-once delivery never shows a customer the same message twice.
/// </summary>
public sealed class FileMessageSender(string directory) : IMessageSender
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, HashSet<Guid>> _seen = new(StringComparer.Ordinal);

    public async Task SendAsync(OutboxMessageRow message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{message.Channel}.jsonl");
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!_seen.TryGetValue(path, out var seen))
            {
                seen = [.. (File.Exists(path) ? await File.ReadAllLinesAsync(path, ct).ConfigureAwait(false) : [])
                    .Where(line => line.Length > 0)
                    .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetGuid())];
                _seen[path] = seen;
            }

            if (!seen.Add(message.Id))
            {
                return;
            }

            var line = JsonSerializer.Serialize(new { id = message.Id, message.Channel, message.CustomerId, message.LoanId, message.Language, message.Template, message.Body });
            await File.AppendAllTextAsync(path, line + "\n", ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
