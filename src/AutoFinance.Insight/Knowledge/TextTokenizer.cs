using System.Text;

namespace AutoFinance.Insight.Knowledge;

/// <summary>Splits English and Chinese text into search terms.</summary>
/// <remarks>
/// Rules: the text is NFKC-normalised (full-width letters and digits become ASCII) and lower-cased invariantly.
/// A run of letters or digits outside the CJK ranges is one term ("prepay", "2026"); anything else separates terms.
/// A run of CJK ideographs (U+3400–U+4DBF, U+4E00–U+9FFF, U+F900–U+FAFF) becomes its overlapping character bigrams
/// ("提前还款" → 提前, 前还, 还款), a single ideograph standing alone is one term. Chinese has no spaces, and bigrams
/// find words without a dictionary. Terms in <see cref="StopWords"/> are dropped.
/// </remarks>
public sealed class TextTokenizer
{
    /// <summary>English function words and Chinese function bigrams dropped by default.</summary>
    public static IReadOnlySet<string> DefaultStopWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "am", "was", "be", "i", "me", "my", "you", "your", "we", "it", "its", "of", "to",
        "in", "on", "at", "for", "and", "or", "do", "does", "did", "can", "could", "would", "will", "please", "what",
        "what's", "s", "this", "that", "there", "with", "about", "tell",
        "我的", "请问", "你好", "一下", "怎么", "怎样", "什么", "可以", "如何", "是不",
    };

    public TextTokenizer(IReadOnlySet<string>? stopWords = null) => StopWords = stopWords ?? DefaultStopWords;

    /// <summary>The terms dropped.</summary>
    public IReadOnlySet<string> StopWords { get; }

    /// <summary>The default tokenizer.</summary>
    public static TextTokenizer Default { get; } = new();

    /// <summary>True for the CJK ideograph ranges the bigram rule applies to.</summary>
    public static bool IsCjk(char c) => c is (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>The terms of a text, in order, repeats kept.</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var terms = new List<string>();
        var i = 0;
        while (i < normalised.Length)
        {
            var c = normalised[i];
            if (IsCjk(c))
            {
                var start = i;
                while (i < normalised.Length && IsCjk(normalised[i]))
                {
                    i++;
                }

                if (i - start == 1)
                {
                    Add(normalised.Substring(start, 1));
                }

                for (var j = start; j + 1 < i; j++)
                {
                    Add(normalised.Substring(j, 2));
                }
            }
            else if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < normalised.Length && char.IsLetterOrDigit(normalised[i]) && !IsCjk(normalised[i]))
                {
                    i++;
                }

                Add(normalised[start..i]);
            }
            else
            {
                i++;
            }
        }

        return terms;

        void Add(string term)
        {
            if (!StopWords.Contains(term))
            {
                terms.Add(term);
            }
        }
    }
}
