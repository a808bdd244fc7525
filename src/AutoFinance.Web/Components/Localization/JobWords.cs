using AutoFinance.Domain.Lifecycle;
using AutoFinance.Infrastructure.Operations;

namespace AutoFinance.Web.Components.Localization;

/// <summary>
/// What a job's run did in the reader's language, from the facts the run kept (filled by <see cref="FactWords"/>):
/// the job's template <c>jobs.detail.{job}</c>, or for a run stopped by a shutdown <c>jobs.failed.{cause}</c>. A run
/// recorded before facts were kept, or failed with an error of its own, gives null: the page then shows its English line.
/// </summary>
public static class JobWords
{
    public static string? Detail(this UiLanguage language, JobQueries.RunView run)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(run);
        if (run.Detail == JobRunner.NothingToDo)
        {
            return language["jobs.nothing-to-do"];
        }

        var key = run.Outcome == JobOutcome.Failed
            ? "jobs.failed." + run.DetailFacts?.GetValueOrDefault("cause")
            : "jobs.detail." + run.Job;
        return language.Say(key, run.DetailFacts, (kind, fact) => Word(language, kind, fact));
    }

    private static string? Word(UiLanguage language, string kind, string fact) => kind switch
    {
        "band" => language.Or("model.band." + fact, fact),
        "if-any" => fact.Length > 0 ? fact : language["jobs.detail.none"],
        "alert" => fact == "raised" ? language["jobs.detail.alert-raised"] : string.Empty,
        _ => null,
    };
}
