using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;

namespace AutoFinance.Credit.Tests.Export;

/// <summary>A scorecard and rows to score with it: each row holds the raw text of every characteristic, null when absent.</summary>
internal sealed record ScorecardCase(string Name, ScorecardDocument Document, IReadOnlyList<string?[]> Rows)
{
    public Scorecard Scorecard { get; } = Scorecard.From(Document);

    public IReadOnlyList<Characteristic> Characteristics => Document.Characteristics;

    public bool IsNumeric(int characteristic) => Characteristics[characteristic].Kind == ColumnKind.Numeric;

    public ScorecardCase WithRows(IReadOnlyList<string?[]> rows, string suffix) => new($"{Name} {suffix}", Document, rows);
}
