namespace AutoFinance.Infrastructure.Search;

/// <summary>
/// One page of a back-office list with how many rows there are in all, so no list is ever cut short without the
/// reader knowing: the pages show the count and the pager, the API sends it as X-Total-Count.
/// </summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The last page number asked for that is read (beyond it a list is empty; the offset stays well inside an int).</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>A page number from 1 to <see cref="MaxPage"/> and a page size within 1 and <paramref name="maxSize"/> (at most 2,000).</summary>
    /// <summary>One page of a list already read whole (one ordered in memory, as by SLA urgency computed at read time).</summary>
    public static ListPage<T> Of(IReadOnlyList<T> all, int page, int size)
    {
        ArgumentNullException.ThrowIfNull(all);
        return new([.. all.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * size)).Take(size)], page, size, all.Count);
    }

    public static (int Page, int Size) Normalise(int? page, int? size, int defaultSize, int maxSize) =>
        (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(size ?? defaultSize, 1, Math.Min(maxSize, 2_000)));
}
