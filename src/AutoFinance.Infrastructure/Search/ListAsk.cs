namespace AutoFinance.Infrastructure.Search;

/// <summary>
/// What a reader asks of a back-office list: which page of how many rows, in which order (a sort key, a leading minus
/// for descending), and which rows (a status word, a range of Asia/Shanghai dates, words to find).
/// </summary>
public sealed record ListAsk(string? Sort = null, string? Status = null, DateOnly? From = null, DateOnly? To = null, string? Text = null, int Page = 1, int PageSize = 50)
{
    /// <summary>The same ask for every row in one go (an export reads the whole filtered list).</summary>
    public ListAsk Whole() => this with { Page = 1, PageSize = int.MaxValue };
}
