using System.Xml.Linq;

namespace AutoFinance.Credit.Export;

/// <summary>PMML predicates of the first-match rules.</summary>
internal static class PmmlPredicates
{
    /// <param name="condition">The rule's condition.</param>
    /// <param name="field">The input field.</param>
    /// <param name="trimmed">The derived field holding the input with its surrounding blanks trimmed (categorical only).</param>
    /// <param name="name">The characteristic, for error messages.</param>
    public static XElement Of(RuleCondition condition, string field, string? trimmed, string name) => condition switch
    {
        WhenMissing { Spellings: false } => Simple(field, "isMissing"),
        WhenMissing => Compound("or", Simple(field, "isMissing"), Set(Required(trimmed), Data.MissingValues.Tokens)),
        WhenEqual equal => Simple(field, "equal", ExportNumber.Format(equal.Value, $"a special value of '{name}'")),
        WhenOutside outside => Either("or",
            outside.Min is { } min ? Simple(field, "lessThan", ExportNumber.Format(min, $"the minimum of '{name}'")) : null,
            outside.Max is { } max ? Simple(field, "greaterThan", ExportNumber.Format(max, $"the maximum of '{name}'")) : null)
            ?? Pmml.Element("False"),
        WhenBetween between => Either("and",
            between.Lower is { } lower ? Simple(field, "greaterOrEqual", ExportNumber.Format(lower, $"a bin bound of '{name}'")) : null,
            between.Upper is { } upper ? Simple(field, "lessThan", ExportNumber.Format(upper, $"a bin bound of '{name}'")) : null)
            ?? Simple(field, "isNotMissing"),
        WhenIn { Trimmed: false } set => Set(field, set.Categories),
        WhenIn set => Set(Required(trimmed), set.Categories),
        _ => throw new NotSupportedException(condition.GetType().Name),
    };

    public static XElement True() => Pmml.Element("True");

    private static XElement Simple(string field, string op, string? value = null) =>
        Pmml.Element("SimplePredicate", new XAttribute("field", field), new XAttribute("operator", op), value is null ? null : new XAttribute("value", value));

    private static XElement Set(string field, IReadOnlyList<string> values) =>
        Pmml.Element("SimpleSetPredicate", new XAttribute("field", field), new XAttribute("booleanOperator", "isIn"), Pmml.StringArray(values));

    private static XElement Compound(string op, params XElement[] predicates) =>
        Pmml.Element("CompoundPredicate", new XAttribute("booleanOperator", op), predicates);

    /// <summary>The predicates present joined by <paramref name="op"/>; null when there is none.</summary>
    private static XElement? Either(string op, XElement? first, XElement? second) => (first, second) switch
    {
        ({ } a, { } b) => Compound(op, a, b),
        ({ } a, null) => a,
        (null, { } b) => b,
        _ => null,
    };

    private static string Required(string? trimmed) =>
        trimmed ?? throw new InvalidOperationException("a categorical rule needs the trimmed field");
}
