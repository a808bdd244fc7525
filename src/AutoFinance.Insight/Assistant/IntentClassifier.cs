using AutoFinance.Insight.Knowledge;

namespace AutoFinance.Insight.Assistant;

/// <summary>An intent and how sure the classifier is.</summary>
/// <param name="Intent">The intent, <see cref="AssistantIntent.Unknown"/> when nothing matched well enough.</param>
/// <param name="Score">The best example's BM25 score.</param>
/// <param name="RunnerUpScore">The best score of any other intent.</param>
public sealed record IntentMatch(AssistantIntent Intent, double Score, double RunnerUpScore);

/// <summary>Classifies a question by BM25 against example questions per intent.</summary>
/// <remarks>
/// Each example is a document; an intent scores its best example. The top intent is taken when its score is at least
/// <see cref="MinScore"/> and beats the runner-up by at least <see cref="MinMargin"/>; otherwise the answer is
/// <see cref="AssistantIntent.Unknown"/> and the customer is handed over to a human — guessing is worse than asking.
/// </remarks>
public sealed class IntentClassifier
{
    private readonly Bm25Index index;

    public IntentClassifier(IReadOnlyDictionary<AssistantIntent, IReadOnlyList<string>>? examples = null, double minScore = 1.5, double minMargin = 0.3)
    {
        examples ??= IntentExamples.Default;
        MinScore = minScore;
        MinMargin = minMargin;
        index = new Bm25Index();
        foreach (var (intent, questions) in examples)
        {
            for (var i = 0; i < questions.Count; i++)
            {
                index.Add($"{intent}#{i}", questions[i]);
            }
        }
    }

    /// <summary>The score an intent needs at least.</summary>
    public double MinScore { get; }

    /// <summary>The lead over the runner-up an intent needs at least.</summary>
    public double MinMargin { get; }

    /// <summary>The intent of a question.</summary>
    public IntentMatch Classify(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var byIntent = index.Search(question, index.Count)
            .GroupBy(h => Enum.Parse<AssistantIntent>(h.Id[..h.Id.IndexOf('#', StringComparison.Ordinal)]))
            .Select(g => (Intent: g.Key, Score: g.Max(h => h.Score)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Intent)
            .ToArray();
        if (byIntent.Length == 0)
        {
            return new IntentMatch(AssistantIntent.Unknown, 0, 0);
        }

        var best = byIntent[0];
        var runnerUp = byIntent.Length > 1 ? byIntent[1].Score : 0;
        var confident = best.Score >= MinScore && best.Score - runnerUp >= MinMargin;
        return new IntentMatch(confident ? best.Intent : AssistantIntent.Unknown, best.Score, runnerUp);
    }
}
