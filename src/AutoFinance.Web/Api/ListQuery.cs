using System.Globalization;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Search;

namespace AutoFinance.Web.Api;

/// <summary>
/// A back-office list's query parameters, the same on every list: <c>sort</c> (a key, a leading minus for descending),
/// <c>status</c>, <c>from</c> and <c>to</c> (yyyy-MM-dd, Asia/Shanghai, inclusive), <c>q</c> (words to find), <c>page</c> and <c>pageSize</c>.
/// <c>state</c>, the name one list once used, is read as <c>status</c> and checked as it is.
/// </summary>
public readonly record struct ListQuery(string? Sort, string? Status, string? From, string? To, string? Q, int? Page, int? PageSize, string? State = null)
{
    /// <summary>The ask with the page normalised (at most <paramref name="maxSize"/> rows), or the problems with it, each naming its field.</summary>
    public (ListAsk Ask, IReadOnlyList<FieldError> Problems) Read(int defaultSize = 50, int maxSize = 500)
    {
        var problems = new List<FieldError>();
        var from = Day(From, "from", problems);
        var to = Day(To, "to", problems);
        var (page, size) = ListPage<int>.Normalise(Page, PageSize, defaultSize, maxSize);
        return (new ListAsk(Word(Sort), Word(Status) ?? Word(State), from, to, Word(Q), page, size), problems);
    }

    /// <summary>An empty parameter (as a form sends an unset field) is no parameter.</summary>
    private static string? Word(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateOnly? Day(string? text, string field, List<FieldError> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add(new FieldError(field, "must be a date as yyyy-MM-dd", "list.date.invalid"));
        return null;
    }
}
