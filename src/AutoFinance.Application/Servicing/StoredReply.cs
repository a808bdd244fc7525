namespace AutoFinance.Application.Servicing;

/// <summary>The answer stored with a posting made under an Idempotency-Key, and the hash of the request it answered (null before keys were bound).</summary>
public sealed record StoredReply(string ResponseJson, string? RequestHash);
