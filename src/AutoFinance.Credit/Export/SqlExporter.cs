using System.Text;
using AutoFinance.Credit.Artefacts;

namespace AutoFinance.Credit.Export;

/// <summary>
/// The scorecard as one standard SQL SELECT that scores every row of a table: the score is one sum of CASE
/// expressions (one per characteristic), the probability of default and the grade follow from it. Runs on SQLite
/// (with its math functions), PostgreSQL, SQL Server, Oracle and others that quote identifiers with double quotes.
/// </summary>
public static class SqlExporter
{
    public static string Write(ScorecardDocument document, string table = "applications")
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        var scaling = document.Scaling;
        var score = SqlText.Identifier("score");
        var sql = new StringBuilder();
        Line(sql, $"-- Scorecard {SqlText.Comment(document.ModelId)}: score, probability of default (pd) and grade of every row of {SqlText.Comment(table)}.");
        Line(sql, $"-- score = the sum of the characteristics' points, rounded to {scaling.PointsDecimals} decimals (half away from zero);");
        Line(sql, $"-- pd = 1 / (1 + EXP((score - {ExportNumber.Format(scaling.Offset, "the offset")}) / {ExportNumber.Format(scaling.Factor, "the factor")})), which needs EXP (SQLite: a build with math functions).");
        Line(sql, "-- Numeric columns hold numbers (NULL = missing); categorical columns hold text (NULL, or one of");
        Line(sql, $"-- {SqlText.Comment(string.Join(" ", Data.MissingValues.Tokens.Select(SqlText.Literal)))} once trimmed, = missing; surrounding spaces are ignored).");
        Line(sql, "-- A number outside the training range, a category never seen in training, or a missing value the training");
        Line(sql, "-- data never had scores the characteristic's neutral points. The table's own columns come first; it must not");
        Line(sql, "-- already have columns named score, pd or grade.");
        Line(sql, "SELECT");
        Line(sql, "  s.*,");
        Line(sql, $"  1.0 / (1.0 + EXP((s.{score} - {SqlText.Number(scaling.Offset, "the offset")}) / {SqlText.Number(scaling.Factor, "the factor")})) AS {SqlText.Identifier("pd")},");
        Line(sql, $"  {Grade(GradeBands.Of(document.Grades), $"s.{score}")} AS {SqlText.Identifier("grade")}");
        Line(sql, "FROM (");
        Line(sql, "  SELECT");
        Line(sql, "    t.*,");
        Line(sql, "    ROUND(CAST(");
        var first = true;
        foreach (var rules in document.Characteristics.Select(FirstMatchRules.Of))
        {
            Case(sql, rules, first ? "      " : "      + ");
            first = false;
        }

        if (first)
        {
            Line(sql, "      0");
        }

        Line(sql, $"    AS DECIMAL(38, 12)), {scaling.PointsDecimals}) AS {score}");
        Line(sql, $"  FROM {SqlText.Table(table)} t");
        Line(sql, ") s");
        return sql.ToString();
    }

    private static void Case(StringBuilder sql, RuleSet rules, string lead)
    {
        var characteristic = rules.Characteristic;
        var column = SqlText.Identifier(characteristic.Name);
        Line(sql, $"{lead}CASE -- {SqlText.Comment(characteristic.Name)}");
        foreach (var rule in rules.Rules)
        {
            var points = SqlText.Number(rule.Points, $"the points of a bin of '{characteristic.Name}'");
            Line(sql, $"        WHEN {Condition(rule.When, column, characteristic.Name)} THEN {points}");
        }

        Line(sql, $"        ELSE {SqlText.Number(characteristic.NeutralPoints, $"the neutral points of '{characteristic.Name}'")}");
        Line(sql, "      END");
    }

    private static string Condition(RuleCondition condition, string column, string name) => condition switch
    {
        WhenMissing { Spellings: false } => $"{column} IS NULL",
        WhenMissing => $"{column} IS NULL OR TRIM({column}) IN {SqlText.List(Data.MissingValues.Tokens)}",
        WhenEqual equal => $"{column} = {SqlText.Number(equal.Value, $"a special value of '{name}'")}",
        WhenOutside outside => string.Join(" OR ", Bounds(
            outside.Min is { } min ? $"{column} < {SqlText.Number(min, $"the minimum of '{name}'")}" : null,
            outside.Max is { } max ? $"{column} > {SqlText.Number(max, $"the maximum of '{name}'")}" : null)),
        WhenBetween between => Bounds(
            between.Lower is { } lower ? $"{column} >= {SqlText.Number(lower, $"a bin bound of '{name}'")}" : null,
            between.Upper is { } upper ? $"{column} < {SqlText.Number(upper, $"a bin bound of '{name}'")}" : null) is { Length: > 0 } parts
                ? string.Join(" AND ", parts)
                : $"{column} IS NOT NULL",
        WhenIn { Trimmed: false } set => $"{column} IN {SqlText.List(set.Categories)}",
        WhenIn set => $"TRIM({column}) IN {SqlText.List(set.Categories)}",
        _ => throw new NotSupportedException(condition.GetType().Name),
    };

    private static string[] Bounds(string? first, string? second) => [.. new[] { first, second }.OfType<string>()];

    private static string Grade(GradeBands grades, string score)
    {
        if (grades.Otherwise is null)
        {
            return "NULL";
        }

        if (grades.Bands.Count == 0)
        {
            return SqlText.Literal(grades.Otherwise);
        }

        var branches = grades.Bands.Select(b => $"WHEN {score} >= {SqlText.Number(b.Lower, $"the lower bound of grade {b.Grade}")} THEN {SqlText.Literal(b.Grade)}");
        return $"CASE {string.Join(" ", branches)} ELSE {SqlText.Literal(grades.Otherwise)} END";
    }

    private static void Line(StringBuilder sql, string text) => sql.Append(text).Append('\n');
}
