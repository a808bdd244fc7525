using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.EveryPage;

/// <summary>axe-core (vendored from npm, see Accessibility/README.md) run in the page: its serious and critical WCAG 2.1 A/AA violations.</summary>
public static class Accessibility
{
    private static readonly string Axe = Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe.min.js");

    private const string RunScript = """
        async () => {
          const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
        }
        """;

    /// <summary>
    /// Loads axe-core into every document the page's session opens, as the browser's own init script: the pages keep
    /// their content security policy, which a script tag added to the page would have to be let past.
    /// </summary>
    public static Task LoadIntoEveryPageAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Context.AddInitScriptAsync(scriptPath: Axe);
    }

    /// <summary>The page's serious and critical violations (axe-core loaded by <see cref="LoadIntoEveryPageAsync"/>).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.EvaluateAsync<string[]>(RunScript);
    }
}
