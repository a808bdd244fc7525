using System.Text;
using System.Xml.Linq;

namespace AutoFinance.Credit.Export;

/// <summary>Elements of the PMML 4.4 namespace.</summary>
internal static class Pmml
{
    public const string Version = "4.4";

    public static XNamespace Namespace { get; } = "http://www.dmg.org/PMML-4_4";

    public static XElement Element(string name, params object?[] content) => new(Namespace + name, content);

    /// <summary>A string Array: every value in double quotes, a double quote inside written as \".</summary>
    public static XElement StringArray(IReadOnlyCollection<string> values)
    {
        var text = new StringBuilder();
        foreach (var value in values)
        {
            text.Append(text.Length == 0 ? "\"" : " \"").Append(value.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
        }

        return Element("Array", new XAttribute("n", values.Count), new XAttribute("type", "string"), text.ToString());
    }
}
