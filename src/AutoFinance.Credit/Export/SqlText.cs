namespace AutoFinance.Credit.Export;

/// <summary>Quoting for standard SQL: identifiers in double quotes, text in single quotes, each doubled inside.</summary>
internal static class SqlText
{
    public static string Identifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>A table name, optionally qualified by its schema ("sales.applications"), each part quoted.</summary>
    public static string Table(string name) => string.Join('.', name.Split('.').Select(Identifier));

    public static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>A number, in parentheses when negative so that it never follows a minus sign as a comment's "--".</summary>
    public static string Number(double value, string what)
    {
        var text = ExportNumber.Format(value, what);
        return value < 0 || text.StartsWith('-') ? $"({text})" : text;
    }

    public static string List(IEnumerable<string> texts) => $"({string.Join(", ", texts.Select(Literal))})";

    /// <summary>Text made safe for one line of a "--" comment.</summary>
    public static string Comment(string text) => text.ReplaceLineEndings(" ");
}
