using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Scorecards;

namespace AutoFinance.Credit.Tests.Export;

/// <summary>What the engine says of one row: the truth the exports must reproduce.</summary>
internal sealed record EngineResult(double Score, double Pd, string? Grade, IReadOnlyList<string> ReasonCodes, IReadOnlyList<MatchNote> Notes);

internal static class EngineScoring
{
    public static EngineResult Score(ScorecardCase scorecardCase, string?[] row)
    {
        var scorecard = scorecardCase.Scorecard;
        var applicant = scorecard.NewApplicant();
        for (var i = 0; i < row.Length; i++)
        {
            applicant.SetText(i, row[i]);
        }

        var reasons = new Reason[Scorecard.MaxReasons];
        var result = scorecard.Score(applicant, reasons);
        var notes = applicant.Matches.ToArray().Select(m => m.Note).ToArray();
        return new EngineResult(
            result.Score,
            result.Pd,
            result.Grade >= 0 ? scorecard.Grades[result.Grade] : null,
            [.. reasons.Take(result.ReasonCount).Select(r => scorecard.Characteristics[r.Characteristic].Name)],
            notes);
    }
}
