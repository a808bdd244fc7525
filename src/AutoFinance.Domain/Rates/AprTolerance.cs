namespace AutoFinance.Domain.Rates;

/// <summary>
/// Regulation Z §1026.22(a)(2)–(3): a disclosed APR is accurate within 1/8 of a percentage point of the correct
/// one, or 1/4 of a point in an irregular transaction (several advances, irregular payment periods or amounts other
/// than an irregular first period or an odd first or final payment).
/// </summary>
public static class AprTolerance
{
    public const decimal RegularPoints = 0.125m;
    public const decimal IrregularPoints = 0.25m;

    public static bool IsAccurate(decimal disclosedPercent, decimal correctPercent, bool irregular = false) =>
        Math.Abs(disclosedPercent - correctPercent) <= (irregular ? IrregularPoints : RegularPoints);
}
