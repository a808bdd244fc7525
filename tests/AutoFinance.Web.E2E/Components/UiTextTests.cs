using System.Text.RegularExpressions;
using AutoFinance.Web.Components.Localization;

namespace AutoFinance.Web.E2E.Components;

/// <summary>Every UI string the pages name exists in both languages.</summary>
public sealed partial class UiTextTests
{
    [Fact]
    public void Every_key_the_pages_use_has_a_chinese_and_an_english_text()
    {
        var components = FindComponents();
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories))
        {
            foreach (Match match in KeyLiteral().Matches(File.ReadAllText(file)))
            {
                var key = match.Groups[1].Value;
                if (Prefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)) && !key.EndsWith('.') && !UiText.All.Keys.Any(k => k.StartsWith(key, StringComparison.Ordinal)))
                {
                    missing.Add(key);
                }
            }
        }

        Assert.Empty(missing);
        Assert.All(UiText.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Value.Zh) || string.IsNullOrWhiteSpace(e.Value.En), e.Key));
    }

    [Fact]
    public void Every_field_of_the_application_form_has_a_label_and_its_choices_have_texts()
    {
        foreach (var field in AutoFinance.Web.Components.Origination.ApplicationFields.All)
        {
            Assert.True(UiText.All.ContainsKey("field." + field.Path), field.Path);
            if (field.ChoicePrefix is { } prefix && prefix != "term.")
            {
                Assert.All(field.Choices!, c => Assert.True(UiText.All.ContainsKey(prefix + c), prefix + c));
            }
        }
    }

    [Theory]
    [InlineData("status.", new[] { "approved", "referred", "declined", "accepted", "disbursed", "signed", "booked", "payout-pending", "active", "closed", "paid", "due", "overdue", "partly-paid", "upcoming", "submitted" })]
    [InlineData("method.", new[] { "annuity", "equal-principal", "interest-only", "balloon", "flat-fee" })]
    [InlineData("bucket.", new[] { "Current", "1-30", "31-60", "61-90", "91-180", "180+" })]
    [InlineData("role.", new[] { "customer", "dealer", "underwriter", "risk-analyst", "collector", "service-agent", "manager", "admin" })]
    public void Every_value_a_page_names_by_prefix_has_a_text(string prefix, string[] values) =>
        Assert.All(values, v => Assert.True(UiText.All.ContainsKey(prefix + v), prefix + v));

    [Theory]
    [InlineData("status.", new[] { "posted", "reversed", "charged-off" })]
    [InlineData("coll.channel.", new[] { "call", "sms", "visit", "letter" })]
    [InlineData("coll.promise.", new[] { "pending", "kept", "broken" })]
    [InlineData("eod.partition.", new[] { "pending", "running", "done" })]
    [InlineData("model.band.", new[] { "stable", "watch", "act", "none" })]
    [InlineData("model.advice.", new[] { "stable", "watch", "act", "none" })]
    [InlineData("model.kind.", new[] { "scorecard", "gbdt" })]
    public void Every_servicing_value_a_page_names_by_prefix_has_a_text(string prefix, string[] values) =>
        Assert.All(values, v => Assert.True(UiText.All.ContainsKey(prefix + v), prefix + v));

    [Fact]
    public void Every_collections_action_and_contact_outcome_has_a_text()
    {
        Assert.All(Enum.GetValues<AutoFinance.Domain.Servicing.Collections.CollectionAction>(), a => Assert.True(UiText.All.ContainsKey("coll.action." + a), a.ToString()));
        Assert.All(AutoFinance.Domain.Servicing.Collections.ContactOutcomes.All, o =>
            Assert.True(UiText.All.ContainsKey("coll.outcome." + AutoFinance.Domain.Servicing.Collections.ContactOutcomes.ToCode(o)), o.ToString()));
    }

    private static readonly string[] Prefixes = ["app.", "apply.", "apps.", "calc.", "chart.", "coll.", "dash.", "disc.", "eod.", "home.", "inbox.", "prefs.", "loan.", "loans.", "model.", "nav.", "notfound.", "forbidden.", "problem.", "register.", "sched.", "signin.", "signout.", "unit.", "uw.", "field.", "help.", "asst.", "kb.", "survey.", "case.", "sla.", "c360.", "ins.", "exp."];

    private static string FindComponents()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "AutoFinance.Web", "Components");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/AutoFinance.Web/Components not found above the test output");
    }

    [GeneratedRegex("\"([a-z]+(?:-[a-z]+)*\\.[a-zA-Z0-9.\\-]+)\"")]
    private static partial Regex KeyLiteral();
}
