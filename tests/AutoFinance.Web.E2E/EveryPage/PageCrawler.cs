using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.EveryPage;

/// <summary>
/// The pages a reader can reach: from the start page, every same-site link followed once per kind of page (ids and
/// query values folded), skipping sign-out, the language switch, downloads and the API. A list's filters are each
/// visited alone; a combination of filters already visited one by one shows nothing new and is not.
/// </summary>
public static partial class PageCrawler
{
    private static readonly string[] Skipped = ["/lang/", "/signout", "/api/", "/docs", "/metrics", "/openapi", "/health", "/_framework", "/icons/"];

    public static async Task<IReadOnlyList<string>> VisitAsync(IPage page, Func<string, Task> onPage, int limit = 45, params string[] extra)
    {
        var queue = new Queue<string>(["/", .. extra]);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var visited = new List<string>();
        while (queue.Count > 0 && visited.Count < limit)
        {
            var path = queue.Dequeue();
            var kind = Kind(path);
            if (CombinesVisitedFilters(kind, kinds) || !kinds.Add(kind))
            {
                continue;
            }

            await page.GotoAsync(path);
            visited.Add(path);
            await onPage(path);
            foreach (var href in await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !Skipped.Any(s => href.StartsWith(s, StringComparison.Ordinal))
                    && !href.Contains("export", StringComparison.Ordinal) && !href.Contains(".csv", StringComparison.Ordinal) && !kinds.Contains(Kind(href)))
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
        }

        return visited;
    }

    /// <summary>
    /// A page's kind: its path with ids folded and the names of its query's keys. Ordering and paging (<c>sort</c>,
    /// <c>page</c>, and <c>loans-sort</c> and the like for a page's second list) show the same page in another order,
    /// so they make no kind of their own.
    /// </summary>
    public static string Kind(string href)
    {
        var parts = href.Split('#')[0].Split('?', 2);
        var path = Id().Replace(parts[0], "{id}");
        var keys = parts.Length > 1
            ? string.Join('&', parts[1].Split('&').Select(q => q.Split('=')[0]).Where(k => !Ordering(k)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            : string.Empty;
        return keys.Length == 0 ? path : path + "?" + keys;
    }

    private static bool Ordering(string key) =>
        key is "sort" or "dir" or "page" || key.EndsWith("-sort", StringComparison.Ordinal) || key.EndsWith("-page", StringComparison.Ordinal);

    private static bool CombinesVisitedFilters(string kind, HashSet<string> kinds)
    {
        var parts = kind.Split('?', 2);
        if (parts.Length < 2)
        {
            return false;
        }

        var keys = parts[1].Split('&');
        return keys.Length > 1 && keys.All(key => kinds.Contains(parts[0] + "?" + key));
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<=/experiments/)[a-z0-9-]+|(?<=/help/knowledge/)[a-z0-9-]+")]
    private static partial Regex Id();
}
