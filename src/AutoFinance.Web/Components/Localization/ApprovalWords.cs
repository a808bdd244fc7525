using System.Globalization;
using System.Text.RegularExpressions;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Web.Components.Shared;

namespace AutoFinance.Web.Components.Localization;

/// <summary>
/// An approval's summary and outcome in the reader's language, from the facts the request kept. A request made before
/// facts were kept, a fact missing, or a loan no longer found gives null: the page then shows the English record.
/// </summary>
public static partial class ApprovalWords
{
    public static string? Summary(this UiLanguage language, ApprovalService.ApprovalView approval, IReadOnlyDictionary<Guid, string> loans)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return Say(language, "approvals.summary." + approval.Action, approval.SummaryFacts, loans);
    }

    public static string? Outcome(this UiLanguage language, ApprovalService.ApprovalView approval, IReadOnlyDictionary<Guid, string> loans)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return Say(language, "approvals.outcome." + approval.Action, approval.OutcomeFacts, loans);
    }

    private static string? Say(UiLanguage language, string key, IReadOnlyDictionary<string, string>? facts, IReadOnlyDictionary<Guid, string> loans)
    {
        if (facts is null || !UiText.All.ContainsKey(key))
        {
            return null;
        }

        var missing = false;
        var text = Placeholder().Replace(language[key], m =>
        {
            var said = facts.TryGetValue(m.Groups["fact"].Value, out var fact) ? Word(language, m.Groups["kind"].Value, fact, loans) : null;
            missing |= said is null;
            return said ?? string.Empty;
        });
        return missing ? null : text;
    }

    private static string? Word(UiLanguage language, string kind, string fact, IReadOnlyDictionary<Guid, string> loans) => kind switch
    {
        "" => fact,
        "money" => decimal.TryParse(fact, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? Fmt.Money(amount) : null,
        "percent" => decimal.TryParse(fact, NumberStyles.Number, CultureInfo.InvariantCulture, out var rate) ? Fmt.Percent(rate, 4) : null,
        "date" => DateOnly.TryParseExact(fact, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Fmt.Date(date, language) : null,
        "time" => DateTimeOffset.TryParse(fact, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? Fmt.DateTime(at) : null,
        "loan" => Guid.TryParse(fact, out var id) && loans.TryGetValue(id, out var reference) ? reference : null,
        "role" => language.Or("role." + fact, fact),
        "blacklist-kind" => language.Or("blacklist.kind." + fact, fact),
        "parts" => string.Join(language.IsEnglish ? ", " : "、", fact.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(part => language.Or("approvals.part." + part, part))),
        _ => null,
    };

    [GeneratedRegex(@"\{(?:(?<kind>[a-z-]+):)?(?<fact>[A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
