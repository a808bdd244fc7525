namespace AutoFinance.Insight.Knowledge;

/// <summary>An in-memory Okapi BM25 index over short documents.</summary>
/// <remarks>
/// score(D, Q) = Σ over the distinct terms t of Q: IDF(t) · f(t, D) · (k₁ + 1) / ( f(t, D) + k₁ · (1 − b + b · |D| / avgdl) ),
/// IDF(t) = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5)) (the Lucene form, never negative), f the term's count in D,
/// |D| the document's length in terms, avgdl the mean length, N documents, n(t) documents holding t.
/// Defaults k₁ = 1.2, b = 0.75. Results: score above 0, highest first, ties by document id (ordinal).
/// </remarks>
public sealed class Bm25Index
{
    private readonly TextTokenizer tokenizer;
    private readonly List<(string Id, Dictionary<string, int> Counts, int Length)> documents = [];
    private readonly Dictionary<string, int> documentFrequency = new(StringComparer.Ordinal);
    private long totalLength;

    public Bm25Index(TextTokenizer? tokenizer = null, double k1 = 1.2, double b = 0.75)
    {
        this.tokenizer = tokenizer ?? TextTokenizer.Default;
        K1 = k1;
        B = b;
    }

    /// <summary>Term-frequency saturation.</summary>
    public double K1 { get; }

    /// <summary>Length normalisation.</summary>
    public double B { get; }

    /// <summary>Documents indexed.</summary>
    public int Count => documents.Count;

    /// <summary>Indexes a knowledge-base article (title and body as one text).</summary>
    public void Add(KnowledgeArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        Add(article.Id, article.Title + "\n" + article.Body);
    }

    /// <summary>Indexes a document.</summary>
    public void Add(string id, string text)
    {
        ArgumentNullException.ThrowIfNull(id);
        var terms = tokenizer.Tokenize(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in terms)
        {
            counts[t] = counts.GetValueOrDefault(t) + 1;
        }

        foreach (var t in counts.Keys)
        {
            documentFrequency[t] = documentFrequency.GetValueOrDefault(t) + 1;
        }

        documents.Add((id, counts, terms.Count));
        totalLength += terms.Count;
    }

    /// <summary>The inverse document frequency of a term.</summary>
    public double Idf(string term)
    {
        var n = documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + ((documents.Count - n + 0.5) / (n + 0.5)));
    }

    /// <summary>The documents matching <paramref name="query"/>, best first, at most <paramref name="top"/>.</summary>
    public IReadOnlyList<SearchHit> Search(string query, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (documents.Count == 0)
        {
            return [];
        }

        var terms = tokenizer.Tokenize(query).Distinct(StringComparer.Ordinal).Where(documentFrequency.ContainsKey).ToArray();
        var averageLength = (double)totalLength / documents.Count;
        var hits = new List<SearchHit>();
        foreach (var (id, counts, length) in documents)
        {
            var score = 0.0;
            foreach (var t in terms)
            {
                if (counts.TryGetValue(t, out var f))
                {
                    var norm = averageLength == 0 ? 1 : 1 - B + (B * length / averageLength);
                    score += Idf(t) * f * (K1 + 1) / (f + (K1 * norm));
                }
            }

            if (score > 0)
            {
                hits.Add(new SearchHit(id, score));
            }
        }

        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Id, StringComparer.Ordinal).Take(top).ToArray();
    }
}
