using System.Xml.Linq;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Scorecards;

namespace AutoFinance.Credit.Export;

/// <summary>
/// The Output of the PMML scorecard: the sum of points, the score rounded as the engine rounds it, the probability of
/// default and the grade computed from the score, and the reason codes ranked 1 to <see cref="Scorecard.MaxReasons"/>.
/// </summary>
internal static class PmmlOutput
{
    public static XElement Of(ScorecardDocument document, PmmlFieldNames names)
    {
        var scaling = document.Scaling;
        var points = names.Claim("points");
        var score = names.Claim("score");
        var fields = new List<XElement>
        {
            Field(points, "predictedValue"),
            Field(score, "transformedValue", Rounded(points, scaling.PointsDecimals)),
            Field(names.Claim("pd"), "transformedValue", Pd(score, scaling)),
        };
        var grades = GradeBands.Of(document.Grades);
        if (grades.Otherwise is not null)
        {
            fields.Add(Field(names.Claim("grade"), "transformedValue", Grade(score, grades), categorical: true));
        }

        for (var rank = 1; rank <= Scorecard.MaxReasons; rank++)
        {
            fields.Add(Field(names.Claim($"reason_{rank}"), "reasonCode", null, categorical: true, rank));
        }

        return Pmml.Element("Output", fields);
    }

    /// <summary>round(points · 10^d) / 10^d, the arithmetic of Math.Round(points, d); points are already whole in the
    /// last decimal, so no half-way case arises.</summary>
    private static XElement Rounded(string points, int decimals)
    {
        if (decimals == 0)
        {
            return Apply("round", FieldRef(points));
        }

        var scale = Math.Pow(10, decimals);
        return Apply("/", Apply("round", Apply("*", FieldRef(points), Constant(scale))), Constant(scale));
    }

    /// <summary>pd = 1 / (1 + exp((score − Offset) / Factor)).</summary>
    private static XElement Pd(string score, ScoreScaling scaling) =>
        Apply("/",
            Constant(1),
            Apply("+",
                Constant(1),
                Apply("exp", Apply("/", Apply("-", FieldRef(score), Constant(scaling.Offset)), Constant(scaling.Factor)))));

    private static XElement Grade(string score, GradeBands grades) =>
        Pmml.Element("Discretize",
            new XAttribute("field", score),
            new XAttribute("dataType", "string"),
            new XAttribute("defaultValue", grades.Otherwise!),
            grades.Bands.Select(band => Pmml.Element("DiscretizeBin",
                new XAttribute("binValue", band.Grade),
                Pmml.Element("Interval",
                    new XAttribute("closure", "closedOpen"),
                    new XAttribute("leftMargin", ExportNumber.Format(band.Lower, $"the lower bound of grade {band.Grade}")),
                    band.Upper is { } upper ? new XAttribute("rightMargin", ExportNumber.Format(upper, $"the upper bound of grade {band.Grade}")) : null))));

    private static XElement Field(string name, string feature, XElement? expression = null, bool categorical = false, int? rank = null) =>
        Pmml.Element("OutputField",
            new XAttribute("name", name),
            new XAttribute("optype", categorical ? "categorical" : "continuous"),
            new XAttribute("dataType", categorical ? "string" : "double"),
            new XAttribute("feature", feature),
            rank is { } r ? new XAttribute("rank", r) : null,
            expression);

    private static XElement Apply(string function, params XElement[] arguments) =>
        Pmml.Element("Apply", new XAttribute("function", function), arguments);

    private static XElement FieldRef(string field) => Pmml.Element("FieldRef", new XAttribute("field", field));

    private static XElement Constant(double value) =>
        Pmml.Element("Constant", new XAttribute("dataType", "double"), ExportNumber.Format(value, "a constant"));
}
