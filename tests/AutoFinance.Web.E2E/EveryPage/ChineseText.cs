using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.EveryPage;

/// <summary>
/// The English a Chinese page shows: runs of three or more ASCII letters in its text and its labels (placeholder,
/// aria-label, title, alt), outside what the page marks as not to be translated (<c>translate="no"</c>: names,
/// references, model ids) or as English on purpose (<c>lang="en"</c>: an English help article, the word "English"
/// in a language choice), and outside the allow-list of brand names, units and abbreviations shown on purpose.
/// </summary>
public static partial class ChineseText
{
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "AutoFinance", "APR", "APRC", "IRR", "VIN", "SHA", "CSAT", "NPS", "RFM", "PTP", "DPD", "AUC", "PSI", "CSI", "WoE", "Gini", "Brier",
        "App", "SLA", "CNY", "BYD", "PDF", "CSV", "SMS", "JPEG", "PNG", "KPI", "GBDT", "LightGBM", "EBM", "ISO", "camt",
    };

    private const string TextScript = """
        () => {
          const out = [];
          const skip = e => !e || e.closest('[translate=no], [lang|=en], script, style, noscript, template');
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let n;
          while ((n = walker.nextNode())) { if (!skip(n.parentElement) && /[A-Za-z]{3}/.test(n.textContent)) out.push(n.textContent.trim()); }
          for (const e of document.querySelectorAll('[placeholder], [aria-label], [title], img[alt]')) {
            if (skip(e)) continue;
            for (const a of ['placeholder', 'aria-label', 'title', 'alt']) { const v = e.getAttribute(a); if (v && /[A-Za-z]{3}/.test(v)) out.push(v); }
          }
          return out;
        }
        """;

    /// <summary>Every English word the page shows, with the text it stands in.</summary>
    public static async Task<IReadOnlyList<string>> LeaksAsync(IPage page)
    {
        var leaks = new List<string>();
        foreach (var text in await page.EvaluateAsync<string[]>(TextScript))
        {
            var cleaned = Codes().Replace(text, " ");
            foreach (Match word in Word().Matches(cleaned))
            {
                if (!Allowed.Contains(word.Value))
                {
                    leaks.Add($"{word.Value} in \"{(text.Length > 90 ? text[..90] + "…" : text)}\"");
                }
            }
        }

        return leaks.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Codes shown on purpose: references (AF261203-8ABDBCCC, CS-261130-ECEDD4), hashes and ids.</summary>
    [GeneratedRegex(@"\b[A-Z]{2,3}-?\d{6}-[0-9A-F]{4,}\b|\b[0-9a-fA-F]{16,}\b|\b[0-9a-f]{8}-[0-9a-f-]{27}\b")]
    private static partial Regex Codes();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex Word();
}
