using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Search;

namespace AutoFinance.Web.Api;

/// <summary>
/// The audit log's query parameters: <c>actor</c>, <c>action</c>, <c>entityType</c>, <c>entityId</c>, <c>from</c> and
/// <c>to</c> (yyyy-MM-dd, Asia/Shanghai), <c>page</c> and <c>pageSize</c>. Dates and pages are read and refused as every
/// back-office list reads them (<see cref="ListQuery"/>, <see cref="ListShape{T}.Check"/>), with the same codes.
/// </summary>
public readonly record struct AuditLogInput(string? Actor, string? Action, string? EntityType, string? EntityId, string? From, string? To, int? Page, int? PageSize)
{
    private static readonly ListShape<AuditEntryView> Shape = new("audit", "-sequence");

    /// <summary>The query and its page (at most 500 entries), or the problems with them, each naming its field.</summary>
    public (AuditQuery Query, ListAsk Ask, IReadOnlyList<FieldError> Problems) Read()
    {
        var (ask, problems) = new ListQuery(null, null, From, To, null, Page, PageSize).Read(50, 500);
        var query = new AuditQuery(Word(Actor), Word(Action), Word(EntityType), Word(EntityId), ask.From, ask.To);
        return (query, ask, [.. problems.Concat(Shape.Check(ask))]);
    }

    /// <summary>An empty parameter (as a form sends an unset field) is no parameter.</summary>
    private static string? Word(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
