using System.Xml;
using System.Xml.Linq;

namespace AutoFinance.Application.Payments.Statements;

/// <summary>Reading ISO 20022 messages of any version: elements are found by local name, whatever the namespace.</summary>
internal static class IsoXml
{
    /// <summary>Parses a message (no DTD is processed); malformed XML is a <see cref="StatementFormatException"/> naming the line.</summary>
    public static XDocument Parse(string xml)
    {
        try
        {
            return XDocument.Parse(xml, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new StatementFormatException($"not well-formed XML at line {e.LineNumber}: {e.Message}");
        }
    }

    public static XElement? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? Text(XElement? parent, string name) => Child(parent, name)?.Value.Trim() is { Length: > 0 } text ? text : null;
}
