using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace AutoFinance.Credit.Tests.Export;

/// <summary>
/// A small PMML 4.4 Scorecard evaluator written from the specification, independent of the exporter: inputs are
/// read per the DataDictionary (declared missing values, double or string), derived fields computed, each
/// characteristic scores its first attribute whose predicate is true (three-valued logic: a comparison with a missing
/// value is unknown), partial scores are summed from the initial score, reason codes ranked by points below the
/// baseline, and the Output fields evaluated in order.
/// </summary>
internal sealed class PmmlScorecardEvaluator
{
    private static readonly XNamespace Ns = "http://www.dmg.org/PMML-4_4";

    private readonly Dictionary<string, (bool IsDouble, HashSet<string> Missing)> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _active = [];
    private readonly List<XElement> _derived;
    private readonly List<XElement> _characteristics;
    private readonly List<XElement> _outputs;
    private readonly double _initialScore;

    public PmmlScorecardEvaluator(string pmml)
    {
        var root = XDocument.Parse(pmml).Root ?? throw new InvalidOperationException("no root");
        foreach (var field in root.Element(Ns + "DataDictionary")!.Elements(Ns + "DataField"))
        {
            var missing = field.Elements(Ns + "Value").Where(v => (string?)v.Attribute("property") == "missing").Select(v => (string)v.Attribute("value")!);
            _fields[(string)field.Attribute("name")!] = ((string)field.Attribute("dataType")! == "double", missing.ToHashSet(StringComparer.Ordinal));
        }

        var model = root.Element(Ns + "Scorecard") ?? throw new InvalidOperationException("no Scorecard model");
        if ((string?)model.Attribute("reasonCodeAlgorithm") != "pointsBelow")
        {
            throw new NotSupportedException("only pointsBelow reason codes");
        }

        foreach (var mining in model.Element(Ns + "MiningSchema")!.Elements(Ns + "MiningField"))
        {
            if (((string?)mining.Attribute("usageType") ?? "active") == "active")
            {
                Require(mining, "invalidValueTreatment", "asIs");
                Require(mining, "missingValueTreatment", "asIs");
                _active.Add((string)mining.Attribute("name")!);
            }
        }

        _initialScore = (double?)model.Attribute("initialScore") ?? 0;
        _derived = [.. model.Element(Ns + "LocalTransformations")?.Elements(Ns + "DerivedField") ?? []];
        _characteristics = [.. model.Element(Ns + "Characteristics")!.Elements(Ns + "Characteristic")];
        _outputs = [.. model.Element(Ns + "Output")!.Elements(Ns + "OutputField")];
    }

    /// <summary>Scores one row given as text per input field (null = missing); answers the Output fields by name.</summary>
    public IReadOnlyDictionary<string, object?> Evaluate(IReadOnlyDictionary<string, string?> row)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in _active)
        {
            values[name] = Input(name, row.GetValueOrDefault(name));
        }

        foreach (var derived in _derived)
        {
            values[(string)derived.Attribute("name")!] = Expression(derived.Elements().Single(), values);
        }

        var total = _initialScore;
        var shortfalls = new List<(string Code, double PointsBelow)>();
        foreach (var characteristic in _characteristics)
        {
            var attribute = characteristic.Elements(Ns + "Attribute").FirstOrDefault(a => Predicate(a.Elements().Single(), values) == true)
                ?? throw new InvalidOperationException($"no attribute of {(string?)characteristic.Attribute("name")} matched");
            var partial = (double)attribute.Attribute("partialScore")!;
            total += partial;
            var code = (string?)attribute.Attribute("reasonCode") ?? (string)characteristic.Attribute("reasonCode")!;
            shortfalls.Add((code, (double)characteristic.Attribute("baselineScore")! - partial));
        }

        // pointsBelow: the differences summed per reason code, highest first; ties keep the characteristics' order.
        var reasons = shortfalls
            .GroupBy(s => s.Code, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, PointsBelow: g.Sum(s => s.PointsBelow)))
            .Where(r => r.PointsBelow > 0)
            .OrderByDescending(r => r.PointsBelow)
            .Select(r => r.Code)
            .ToArray();

        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in _outputs)
        {
            var name = (string)field.Attribute("name")!;
            outputs[name] = (string)field.Attribute("feature")! switch
            {
                "predictedValue" => total,
                "transformedValue" => Expression(field.Elements().Single(), new Dictionary<string, object?>(values.Concat(outputs), StringComparer.Ordinal)),
                "reasonCode" => (int)field.Attribute("rank")! <= reasons.Length ? reasons[(int)field.Attribute("rank")! - 1] : null,
                var feature => throw new NotSupportedException(feature),
            };
        }

        return outputs;
    }

    /// <summary>The values of a string Array: separated by blanks, in double quotes when they hold any, \" for a quote.</summary>
    public static IReadOnlyList<string> ArrayValues(XElement array)
    {
        var text = array.Value;
        var values = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var value = new StringBuilder();
            if (text[i] == '"')
            {
                for (i++; text[i] != '"'; i++)
                {
                    if (text[i] == '\\' && text[i + 1] == '"')
                    {
                        i++;
                    }

                    value.Append(text[i]);
                }

                i++;
            }
            else
            {
                for (; i < text.Length && !char.IsWhiteSpace(text[i]); i++)
                {
                    value.Append(text[i]);
                }
            }

            values.Add(value.ToString());
        }

        Assert.Equal((int?)array.Attribute("n") ?? values.Count, values.Count);
        return values;
    }

    private object? Input(string name, string? text)
    {
        var (isDouble, missing) = _fields[name];
        if (text is null || missing.Contains(text))
        {
            return null;
        }

        return isDouble ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : text;
    }

    private static bool? Predicate(XElement predicate, IReadOnlyDictionary<string, object?> values)
    {
        switch (predicate.Name.LocalName)
        {
            case "True":
                return true;
            case "False":
                return false;
            case "SimplePredicate":
            {
                var value = values[(string)predicate.Attribute("field")!];
                var op = (string)predicate.Attribute("operator")!;
                if (op is "isMissing" or "isNotMissing")
                {
                    return (value is null) == (op == "isMissing");
                }

                if (value is null)
                {
                    return null;
                }

                var constant = (string)predicate.Attribute("value")!;
                var order = value is double number
                    ? number.CompareTo(double.Parse(constant, NumberStyles.Float, CultureInfo.InvariantCulture))
                    : string.CompareOrdinal((string)value, constant);
                return op switch
                {
                    "equal" => order == 0,
                    "notEqual" => order != 0,
                    "lessThan" => order < 0,
                    "lessOrEqual" => order <= 0,
                    "greaterThan" => order > 0,
                    "greaterOrEqual" => order >= 0,
                    _ => throw new NotSupportedException(op),
                };
            }

            case "SimpleSetPredicate":
            {
                var value = values[(string)predicate.Attribute("field")!];
                if (value is null)
                {
                    return null;
                }

                var set = ArrayValues(predicate.Element(Ns + "Array")!);
                var isIn = set.Contains(Convert.ToString(value, CultureInfo.InvariantCulture)!, StringComparer.Ordinal);
                return (string)predicate.Attribute("booleanOperator")! == "isIn" ? isIn : !isIn;
            }

            case "CompoundPredicate":
            {
                var parts = predicate.Elements().Select(p => Predicate(p, values)).ToArray();
                return (string)predicate.Attribute("booleanOperator")! switch
                {
                    "and" => parts.Any(p => p == false) ? false : parts.All(p => p == true) ? true : null,
                    "or" => parts.Any(p => p == true) ? true : parts.All(p => p == false) ? false : null,
                    var op => throw new NotSupportedException(op),
                };
            }

            default:
                throw new NotSupportedException(predicate.Name.LocalName);
        }
    }

    private static object? Expression(XElement expression, IReadOnlyDictionary<string, object?> values)
    {
        switch (expression.Name.LocalName)
        {
            case "Constant":
                return (string?)expression.Attribute("dataType") == "double"
                    ? double.Parse(expression.Value, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : expression.Value;
            case "FieldRef":
                return values[(string)expression.Attribute("field")!];
            case "Apply":
            {
                var arguments = expression.Elements().Select(e => Expression(e, values)).ToArray();
                if (arguments.Any(a => a is null))
                {
                    return null;
                }

                double Number(int i) => (double)arguments[i]!;
                return (string)expression.Attribute("function")! switch
                {
                    "+" => Number(0) + Number(1),
                    "-" => Number(0) - Number(1),
                    "*" => Number(0) * Number(1),
                    "/" => Number(0) / Number(1),
                    "exp" => Math.Exp(Number(0)),
                    "round" => Math.Round(Number(0), MidpointRounding.ToPositiveInfinity),
                    "trimBlanks" => ((string)arguments[0]!).Trim(),
                    var function => throw new NotSupportedException(function),
                };
            }

            case "Discretize":
            {
                if (values[(string)expression.Attribute("field")!] is not double value)
                {
                    return (string?)expression.Attribute("mapMissingTo");
                }

                var bin = expression.Elements(Ns + "DiscretizeBin").FirstOrDefault(b => Contains(b.Element(Ns + "Interval")!, value));
                return bin is null ? (string?)expression.Attribute("defaultValue") : (string)bin.Attribute("binValue")!;
            }

            default:
                throw new NotSupportedException(expression.Name.LocalName);
        }
    }

    private static bool Contains(XElement interval, double value)
    {
        var closure = (string)interval.Attribute("closure")!;
        var left = (double?)interval.Attribute("leftMargin");
        var right = (double?)interval.Attribute("rightMargin");
        var aboveLeft = left is not { } l || (closure.StartsWith("closed", StringComparison.Ordinal) ? value >= l : value > l);
        var belowRight = right is not { } r || (closure.EndsWith("Closed", StringComparison.Ordinal) ? value <= r : value < r);
        return aboveLeft && belowRight;
    }

    private static void Require(XElement element, string attribute, string expected) =>
        Assert.Equal(expected, (string?)element.Attribute(attribute));
}
