using AutoFinance.Infrastructure.Approvals;

namespace AutoFinance.Web.Components.Localization;

/// <summary>
/// An approval's summary and outcome in the reader's language, from the facts the request kept (filled by
/// <see cref="FactWords"/>, which also says a loan by its number, a role, a blacklist kind and a product's parts). A
/// request made before facts were kept, a fact missing, or a loan no longer found gives null: the page then shows the
/// English record.
/// </summary>
public static class ApprovalWords
{
    public static string? Summary(this UiLanguage language, ApprovalService.ApprovalView approval, IReadOnlyDictionary<Guid, string> loans)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return language.Say("approvals.summary." + approval.Action, approval.SummaryFacts, (kind, fact) => Word(language, kind, fact, loans));
    }

    public static string? Outcome(this UiLanguage language, ApprovalService.ApprovalView approval, IReadOnlyDictionary<Guid, string> loans)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return language.Say("approvals.outcome." + approval.Action, approval.OutcomeFacts, (kind, fact) => Word(language, kind, fact, loans));
    }

    private static string? Word(UiLanguage language, string kind, string fact, IReadOnlyDictionary<Guid, string> loans) => kind switch
    {
        "loan" => Guid.TryParse(fact, out var id) && loans.TryGetValue(id, out var reference) ? reference : null,
        "role" => language.Or("role." + fact, fact),
        "blacklist-kind" => language.Or("blacklist.kind." + fact, fact),
        "parts" => string.Join(language.IsEnglish ? ", " : "、", fact.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(part => language.Or("approvals.part." + part, part))),
        _ => null,
    };
}
