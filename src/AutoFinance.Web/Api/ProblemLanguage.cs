using AutoFinance.Web.Components.Localization;

namespace AutoFinance.Web.Api;

/// <summary>
/// Says a problem in the language its caller asks for. The API answers in English unless Accept-Language prefers
/// Chinese; then the title, the detail and each field's sentences are said from their stable codes in the pages' own
/// texts, and the codes, fields and figures stay as they are. A sentence whose code the pages have no text for stays
/// English rather than turn into a vaguer Chinese one.
/// </summary>
public static class ProblemLanguage
{
    private const string TitlePrefix = "api.title.";

    private static readonly Dictionary<string, string> ChineseTitles = UiText.All
        .Where(e => e.Key.StartsWith(TitlePrefix, StringComparison.Ordinal))
        .ToDictionary(e => e.Value.En, e => e.Value.Zh, StringComparer.Ordinal);

    public static void Apply(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!PrefersChinese(context.HttpContext.Request))
        {
            return;
        }

        var problem = context.ProblemDetails;
        var zh = UiLanguage.Zh;
        if (problem.Title is { } title && ChineseTitles.TryGetValue(title, out var chineseTitle))
        {
            problem.Title = chineseTitle;
        }

        var code = problem.Extensions.TryGetValue("code", out var c) ? c as string : null;
        var figures = problem.Extensions.TryGetValue("parameters", out var p) ? p as IReadOnlyDictionary<string, string> : null;
        if (problem.Detail is { } detail && zh.ByOwnCode(code, figures) is { } said)
        {
            // An unprocessable request's detail leads with the field it names ("amount: is more than …").
            var field = detail.IndexOf(": ", StringComparison.Ordinal) is var at and > 0 && !detail[..at].Contains(' ', StringComparison.Ordinal) ? detail[..at] : null;
            problem.Detail = field is null ? said : $"{field}：{said}";
        }

        if (problem is HttpValidationProblemDetails validation)
        {
            SayFields(validation.Errors, problem.Extensions.TryGetValue("problems", out var coded) ? coded as IEnumerable<Problems.CodedProblem> : null, code, figures);
        }

        context.HttpContext.Response.Headers.ContentLanguage = UiLanguage.Chinese;
    }

    /// <summary>Whether the first language the caller names with Accept-Language is Chinese (any variant).</summary>
    public static bool PrefersChinese(HttpRequest request) => Named(request) == UiLanguage.Chinese;

    /// <summary>
    /// The first language the caller names with Accept-Language, as the platform speaks it: Chinese (any variant) or
    /// English (any other language); null when the caller names none.
    /// </summary>
    public static string? Named(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ranked = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in ranked)
        {
            var tag = language.Value.Value ?? string.Empty;
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return UiLanguage.Chinese;
            }

            if (tag != "*")
            {
                return UiLanguage.English;
            }
        }

        return null;
    }

    /// <summary>Each field's sentences in Chinese, matched to the field's coded problems in order; one lone sentence by the problem's own code.</summary>
    private static void SayFields(IDictionary<string, string[]> errors, IEnumerable<Problems.CodedProblem>? coded, string? code, IReadOnlyDictionary<string, string>? figures)
    {
        var byField = (coded ?? []).GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var lone = errors.Count == 1 && errors.Single().Value.Length == 1 && !byField.ContainsKey(errors.Single().Key);
        foreach (var (field, sentences) in errors.ToList())
        {
            var problems = byField.GetValueOrDefault(field) ?? [];
            errors[field] = [.. sentences.Select((sentence, i) =>
                (i < problems.Count ? UiLanguage.Zh.ByOwnCode(problems[i].Code, problems[i].Parameters)
                    : lone ? UiLanguage.Zh.ByOwnCode(code, figures) : null) ?? sentence)];
        }
    }
}
