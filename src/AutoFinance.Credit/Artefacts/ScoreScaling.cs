namespace AutoFinance.Credit.Artefacts;

/// <summary>
/// Maps log-odds to points: score = Offset + Factor · ln(good:bad odds), with Factor = PDO / ln 2 and
/// Offset = BaseScore − Factor · ln(BaseOdds). Defaults: 600 points at 50:1, 20 points to double the odds.
/// </summary>
public sealed record ScoreScaling
{
    public double BaseScore { get; init; } = 600;

    /// <summary>Good:bad odds at the base score.</summary>
    public double BaseOdds { get; init; } = 50;

    public double PointsToDoubleOdds { get; init; } = 20;

    /// <summary>Decimal places points are rounded to (0 gives whole points, as on a printed scorecard).</summary>
    public int PointsDecimals { get; init; }

    public double Factor => PointsToDoubleOdds / Math.Log(2);

    public double Offset => BaseScore - (Factor * Math.Log(BaseOdds));

    public double ScoreOfPd(double pd) => Offset + (Factor * Math.Log((1 - pd) / pd));

    public double PdOfScore(double score) => 1 / (1 + Math.Exp((score - Offset) / Factor));

    public IEnumerable<string> Problems()
    {
        if (!double.IsFinite(BaseScore))
        {
            yield return "base-score must be a number";
        }

        if (!(BaseOdds > 0) || !double.IsFinite(BaseOdds))
        {
            yield return "base-odds must be above 0";
        }

        if (!(PointsToDoubleOdds > 0) || !double.IsFinite(PointsToDoubleOdds))
        {
            yield return "pdo must be above 0";
        }

        if (PointsDecimals is < 0 or > 6)
        {
            yield return "points-decimals must be between 0 and 6";
        }
    }
}
