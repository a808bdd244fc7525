using System.Globalization;
using System.Text;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Infrastructure.Search;

/// <summary>
/// How one back-office list sorts, filters and writes itself as CSV, declared once per list and applied the same way
/// to every list: the API's query parameters, the page's controls and the audited export all read the same shape.
/// Sorting is stable, so rows that tie keep the order the list was read in. A list's rows are read whole and then
/// shaped, so the count in X-Total-Count is always of every row that matched.
/// </summary>
public sealed class ListShape<T>
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly List<(string Key, Func<T, object?> By)> sorts = [];
    private readonly List<(string Header, Func<T, object?> Value)> columns = [];
    private readonly List<Func<T, string?>> words = [];
    private Func<T, string?>? status;
    private Func<T, DateTimeOffset?>? date;

    public ListShape(string name, string defaultSort)
    {
        Name = name;
        DefaultSort = defaultSort;
    }

    /// <summary>The list's name: in the export's file name and audit entry, and the page's text keys.</summary>
    public string Name { get; }

    /// <summary>The order when none is asked for (a sort key, a leading minus for descending).</summary>
    public string DefaultSort { get; }

    public IReadOnlyList<string> Sorts => [.. sorts.Select(s => s.Key)];

    /// <summary>The status words a reader may filter by (empty when the list has no status filter).</summary>
    public IReadOnlyList<string> Statuses { get; private set; } = [];

    public bool FiltersByDate => date is not null;

    public bool FiltersByText => words.Count > 0;

    public ListShape<T> SortBy(string key, Func<T, object?> by)
    {
        sorts.Add((key, by));
        return this;
    }

    public ListShape<T> FilterByStatus(Func<T, string?> of, params string[] known)
    {
        status = of;
        Statuses = known;
        return this;
    }

    /// <summary>Filters by the Asia/Shanghai date of an instant (from and to both inclusive).</summary>
    public ListShape<T> FilterByDate(Func<T, DateTimeOffset?> of)
    {
        date = of;
        return this;
    }

    /// <summary>Finds rows whose fields contain the words asked (case-insensitive).</summary>
    public ListShape<T> FindIn(params Func<T, string?>[] fields)
    {
        words.AddRange(fields);
        return this;
    }

    public ListShape<T> Column(string header, Func<T, object?> value)
    {
        columns.Add((header, value));
        return this;
    }

    /// <summary>The sort asked for when it is one the list knows (with or without a leading minus), else the default.</summary>
    public string SortOrDefault(string? asked) => asked is { Length: > 0 } && IsKnown(asked) ? asked : DefaultSort;

    /// <summary>Every problem with an ask, each naming its field with a stable code (an unknown sort key or status word, an inverted date range).</summary>
    public IReadOnlyList<FieldError> Check(ListAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var problems = new List<FieldError>();
        if (ask.Sort is { Length: > 0 } sort && !IsKnown(sort))
        {
            problems.Add(new FieldError("sort", $"must be one of {string.Join(", ", Sorts)} (a leading minus sorts descending)", "list.sort.unknown",
                new Dictionary<string, string> { ["allowed"] = string.Join(",", Sorts) }));
        }

        if (ask.Status is { Length: > 0 } word && (status is null || !Statuses.Contains(word)))
        {
            problems.Add(new FieldError("status", Statuses.Count == 0 ? "this list has no status filter" : $"must be one of {string.Join(", ", Statuses)}", "list.status.unknown",
                new Dictionary<string, string> { ["allowed"] = string.Join(",", Statuses) }));
        }

        if (ask.From is { } from && ask.To is { } to && from > to)
        {
            problems.Add(new FieldError("from", "must not be after to", "list.range.inverted"));
        }

        return problems;
    }

    /// <summary>The rows that match the ask, in its order (an unknown sort key falls back to the default; the API refuses it first through <see cref="Check"/>).</summary>
    public IReadOnlyList<T> Apply(IEnumerable<T> rows, ListAsk ask)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(ask);
        var matched = rows;
        if (status is not null && ask.Status is { Length: > 0 } wanted)
        {
            matched = matched.Where(r => string.Equals(status(r), wanted, StringComparison.Ordinal));
        }

        if (date is not null && (ask.From is not null || ask.To is not null))
        {
            matched = matched.Where(r => date(r) is { } at && InRange(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, China).DateTime), ask.From, ask.To));
        }

        if (words.Count > 0 && ask.Text?.Trim() is { Length: > 0 } text)
        {
            matched = matched.Where(r => words.Any(w => w(r)?.Contains(text, StringComparison.OrdinalIgnoreCase) == true));
        }

        var sort = SortOrDefault(ask.Sort);
        var by = sorts.FirstOrDefault(s => s.Key == sort.TrimStart('-')).By;
        if (by is not null)
        {
            matched = sort.StartsWith('-') ? matched.OrderByDescending(by, Order.Instance) : matched.OrderBy(by, Order.Instance);
        }

        return [.. matched];
    }

    /// <summary>One page of the rows that match, with how many matched in all.</summary>
    public ListPage<T> Page(IEnumerable<T> rows, ListAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        return ListPage<T>.Of(Apply(rows, ask), ask.Page, ask.PageSize);
    }

    /// <summary>The rows as CSV with a header line: invariant numbers, ISO dates and instants in UTC, every field guarded by <see cref="CsvField"/>.</summary>
    public string Csv(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder(string.Join(",", columns.Select(c => CsvField(c.Header)))).Append('\n');
        foreach (var row in rows)
        {
            csv.AppendJoin(',', columns.Select(c => CsvField(Text(c.Value(row))))).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>A CSV field: quoted when it holds a separator, a quote or a line break; a leading formula sign is neutralised.</summary>
    public static string CsvField(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private bool IsKnown(string sort) => sorts.Any(s => s.Key == sort.TrimStart('-')) && sort.LastIndexOf('-') <= 0;

    private static bool InRange(DateOnly day, DateOnly? from, DateOnly? to) => (from is null || day >= from) && (to is null || day <= to);

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateTimeOffset at => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal money => money.ToString("0.00##", CultureInfo.InvariantCulture),
        double number => number.ToString("0.####", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Orders sort keys: nulls first, text by ordinal (stable across cultures and providers), anything else by its own comparison.</summary>
    private sealed class Order : IComparer<object?>
    {
        public static readonly Order Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => Comparer<object>.Default.Compare(x, y),
        };
    }
}
