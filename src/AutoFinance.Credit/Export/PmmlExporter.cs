using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using AutoFinance.Credit.Artefacts;

namespace AutoFinance.Credit.Export;

/// <summary>
/// The scorecard as a PMML 4.4 Scorecard model. Each characteristic's attributes are the engine's binning restated as
/// first-match rules (<see cref="FirstMatchRules"/>), ending with a catch-all attribute worth the neutral points, so a
/// PMML consumer scores, ranks reason codes (points below the characteristic's best) and grades as the engine does.
/// </summary>
public static class PmmlExporter
{
    public static string Write(ScorecardDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ruleSets = document.Characteristics.Select(FirstMatchRules.Of).ToArray();
        var names = new PmmlFieldNames(document.Characteristics.Select(c => c.Name));
        var trimmed = ruleSets
            .Where(r => r.IsCategorical)
            .ToDictionary(r => r.Characteristic.Name, r => names.Claim($"trimmed({r.Characteristic.Name})"), StringComparer.Ordinal);
        var target = names.Claim("scorecard_points");
        var model = Pmml.Element("Scorecard",
            new XAttribute("modelName", document.ModelId),
            new XAttribute("functionName", "regression"),
            new XAttribute("useReasonCodes", "true"),
            new XAttribute("reasonCodeAlgorithm", "pointsBelow"),
            new XAttribute("initialScore", "0"),
            new XAttribute("baselineMethod", "max"),
            MiningSchema(document, target),
            PmmlOutput.Of(document, names),
            trimmed.Count == 0 ? null : LocalTransformations(trimmed),
            Pmml.Element("Characteristics", ruleSets.Select(r => Characteristic(r, trimmed.GetValueOrDefault(r.Characteristic.Name)))));
        var pmml = Pmml.Element("PMML", new XAttribute("version", Pmml.Version), Header(document), DataDictionary(document, ruleSets, target), model);
        return Serialize(new XDocument(pmml));
    }

    private static XElement Header(ScorecardDocument document) =>
        Pmml.Element("Header",
            new XAttribute("description", $"AutoFinance credit scorecard {document.ModelId}"),
            new XAttribute("modelVersion", document.ModelId),
            Pmml.Element("Application", new XAttribute("name", "AutoFinance")),
            Pmml.Element("Annotation",
                $"score = the sum of the points rounded to {document.Scaling.PointsDecimals} decimals; "
                + $"pd = 1 / (1 + exp((score - {ExportNumber.Format(document.Scaling.Offset, "the offset")}) / {ExportNumber.Format(document.Scaling.Factor, "the factor")})). "
                + "Categorical inputs are matched with their surrounding blanks trimmed, and these texts mean missing: "
                + string.Join(" ", Data.MissingValues.Tokens.Select(s => $"\"{s}\"")) + ". "
                + "A number outside the training range, an unseen category or a missing value training never had scores the neutral points."),
            Pmml.Element("Timestamp", document.CreatedAt.ToString("O", CultureInfo.InvariantCulture)));

    private static XElement DataDictionary(ScorecardDocument document, IReadOnlyList<RuleSet> ruleSets, string target)
    {
        var fields = ruleSets.Select(DataField).Append(Pmml.Element("DataField",
            new XAttribute("name", target), new XAttribute("optype", "continuous"), new XAttribute("dataType", "double"))).ToArray();
        return Pmml.Element("DataDictionary", new XAttribute("numberOfFields", fields.Length), fields);
    }

    private static XElement DataField(RuleSet rules)
    {
        var name = new XAttribute("name", rules.Characteristic.Name);
        if (!rules.IsCategorical)
        {
            return Pmml.Element("DataField", name, new XAttribute("optype", "continuous"), new XAttribute("dataType", "double"));
        }

        var categories = rules.Rules
            .Where(r => r.When is WhenIn)
            .OrderBy(r => r.Bin)
            .SelectMany(r => ((WhenIn)r.When).Categories)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var missing = Data.MissingValues.Tokens.Except(categories, StringComparer.Ordinal);
        return Pmml.Element("DataField", name, new XAttribute("optype", "categorical"), new XAttribute("dataType", "string"),
            categories.Select(c => Pmml.Element("Value", new XAttribute("value", c))),
            missing.Select(m => Pmml.Element("Value", new XAttribute("value", m), new XAttribute("property", "missing"))));
    }

    private static XElement MiningSchema(ScorecardDocument document, string target) =>
        Pmml.Element("MiningSchema",
            document.Characteristics.Select(c => Pmml.Element("MiningField",
                new XAttribute("name", c.Name),
                new XAttribute("usageType", "active"),
                new XAttribute("invalidValueTreatment", "asIs"),
                new XAttribute("missingValueTreatment", "asIs"))),
            Pmml.Element("MiningField", new XAttribute("name", target), new XAttribute("usageType", "target")));

    private static XElement LocalTransformations(IReadOnlyDictionary<string, string> trimmed) =>
        Pmml.Element("LocalTransformations",
            trimmed.Select(pair => Pmml.Element("DerivedField",
                new XAttribute("name", pair.Value),
                new XAttribute("optype", "categorical"),
                new XAttribute("dataType", "string"),
                Pmml.Element("Apply", new XAttribute("function", "trimBlanks"), Pmml.Element("FieldRef", new XAttribute("field", pair.Key))))));

    private static XElement Characteristic(RuleSet rules, string? trimmed)
    {
        var characteristic = rules.Characteristic;
        var name = characteristic.Name;
        return Pmml.Element("Characteristic",
            new XAttribute("name", name),
            new XAttribute("reasonCode", name),
            new XAttribute("baselineScore", ExportNumber.Format(characteristic.MaxPoints, $"the best points of '{name}'")),
            rules.Rules.Select(rule => Attribute(rule.Points, PmmlPredicates.Of(rule.When, name, trimmed, name), name)),
            Attribute(characteristic.NeutralPoints, PmmlPredicates.True(), name));
    }

    private static XElement Attribute(double points, XElement predicate, string name) =>
        Pmml.Element("Attribute", new XAttribute("partialScore", ExportNumber.Format(points, $"the points of a bin of '{name}'")), predicate);

    private static string Serialize(XDocument document)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
