using AutoFinance.Credit.Artefacts;

namespace AutoFinance.Credit.Validation;

/// <summary>
/// A model's predictions checked against what its booked loans did: the observed bad rate against the expected one
/// (the mean PD the decisions gave) overall and per risk grade, and how well the PDs ranked the outcomes.
/// </summary>
/// <param name="Loans">Loans with their performance window over.</param>
/// <param name="Bads">Of them, those that went bad.</param>
/// <param name="ObservedBadRate">Bads over loans; 0 with no loans.</param>
/// <param name="ExpectedBadRate">The mean PD of the loans at decision; 0 with no loans.</param>
/// <param name="Auc">Null unless there is at least one bad and one good loan.</param>
/// <param name="Gini">2 AUC − 1; null as the AUC.</param>
/// <param name="Ks">Null as the AUC.</param>
/// <param name="Grades">Per risk grade, best first: loans, bads, observed bad rate and mean PD.</param>
public sealed record BackTestReport(
    int Loans,
    int Bads,
    double ObservedBadRate,
    double ExpectedBadRate,
    double? Auc,
    double? Gini,
    double? Ks,
    IReadOnlyList<CalibrationRow> Grades);

public static class BackTest
{
    /// <summary>
    /// The report of loans given by their grade (an index into <paramref name="grades"/>), the PD their decision gave and
    /// their outcome (1 = bad), with the library's AUC, Gini and KS.
    /// </summary>
    public static BackTestReport Of(IReadOnlyList<string> grades, ReadOnlySpan<int> grade, ReadOnlySpan<double> pd, ReadOnlySpan<byte> bad)
    {
        ArgumentNullException.ThrowIfNull(grades);
        if (grade.Length != pd.Length || bad.Length != pd.Length)
        {
            throw new ArgumentException("Every loan needs its grade, its PD and its outcome.", nameof(pd));
        }

        var figures = ValidationTables.Performance(pd, bad);
        var pdSum = 0.0;
        foreach (var p in pd)
        {
            pdSum += p;
        }

        var loans = pd.Length;
        var ranked = !double.IsNaN(figures.Auc);
        return new BackTestReport(
            loans,
            figures.Bads,
            loans == 0 ? 0 : (double)figures.Bads / loans,
            loans == 0 ? 0 : pdSum / loans,
            ranked ? figures.Auc : null,
            ranked ? figures.Gini : null,
            ranked ? figures.Ks : null,
            ValidationTables.Calibration(grades, grade, pd, bad));
    }
}
