using System.Globalization;
using System.Text.RegularExpressions;
using AutoFinance.Web.Components.Shared;

namespace AutoFinance.Web.Components.Localization;

/// <summary>
/// A record said in the reader's language from the facts it kept (see <see cref="Application.Common.RecordNote"/>): the
/// template under a key, each placeholder <c>{fact}</c> filled with the fact as kept, or <c>{kind:fact}</c> with the
/// fact said as a word of that kind (number, with thousands separators as both languages write them; money, percent,
/// date, time, or one the caller knows). No facts, no
/// template, a fact missing or one that cannot be said gives null: the page then shows the English record.
/// </summary>
public static partial class FactWords
{
    public static string? Say(this UiLanguage language, string key, IReadOnlyDictionary<string, string>? facts, Func<string, string, string?>? otherKinds = null)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (facts is null || !UiText.All.ContainsKey(key))
        {
            return null;
        }

        var missing = false;
        var text = Placeholder().Replace(language[key], m =>
        {
            var said = facts.TryGetValue(m.Groups["fact"].Value, out var fact) ? Word(language, m.Groups["kind"].Value, fact, otherKinds) : null;
            missing |= said is null;
            return said ?? string.Empty;
        });
        return missing ? null : text;
    }

    private static string? Word(UiLanguage language, string kind, string fact, Func<string, string, string?>? otherKinds) => kind switch
    {
        "" => fact,
        "number" => decimal.TryParse(fact, NumberStyles.Number, CultureInfo.InvariantCulture, out var figure) ? Fmt.Number(figure) : null,
        "money" => decimal.TryParse(fact, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? Fmt.Money(amount) : null,
        "percent" => decimal.TryParse(fact, NumberStyles.Number, CultureInfo.InvariantCulture, out var rate) ? Fmt.Percent(rate, 4) : null,
        "date" => DateOnly.TryParseExact(fact, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Fmt.Date(date, language) : null,
        "time" => DateTimeOffset.TryParse(fact, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? Fmt.DateTime(at) : null,
        _ => otherKinds?.Invoke(kind, fact),
    };

    [GeneratedRegex(@"\{(?:(?<kind>[a-z-]+):)?(?<fact>[A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
