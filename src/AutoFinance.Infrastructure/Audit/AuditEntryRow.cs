namespace AutoFinance.Infrastructure.Audit;

/// <summary>
/// One entry of the append-only audit log. <see cref="Hash"/> is HMAC-SHA256 under the chain key over the previous entry's hash and this
/// entry's content, so editing or deleting any entry breaks every hash after it.
/// </summary>
public sealed class AuditEntryRow
{
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public required string DataJson { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
