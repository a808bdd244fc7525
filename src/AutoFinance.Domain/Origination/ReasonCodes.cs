namespace AutoFinance.Domain.Origination;

/// <summary>
/// The stable codes of every origination check and decision reason. They are recorded with each decision and keyed
/// by <see cref="ReasonTexts"/>; a code never changes meaning once published.
/// </summary>
public static class ReasonCodes
{
    /// <summary>The applicant's age at the application date is below the minimum.</summary>
    public const string MinAge = "policy.min-age";

    /// <summary>The applicant would be older than the limit on the last due date.</summary>
    public const string MaxAgeAtMaturity = "policy.max-age-at-maturity";

    /// <summary>The term is longer than the cap for the vehicle's condition (new 60, used 36 months by default).</summary>
    public const string TermCap = "policy.term-cap";

    /// <summary>The loan amount over the vehicle price is above the cap for the vehicle's category.</summary>
    public const string LtvCap = "policy.ltv-cap";

    /// <summary>The loan amount is outside the product's minimum and maximum.</summary>
    public const string LoanAmount = "policy.loan-amount";

    /// <summary>The new monthly payment takes more of monthly income than the limit (payment-to-income).</summary>
    public const string PaymentToIncome = "policy.pti";

    /// <summary>Existing monthly debts plus the new payment take more of monthly income than the limit (debt-to-income).</summary>
    public const string DebtToIncome = "policy.dti";

    /// <summary>The vehicle would be older than the limit on the last due date.</summary>
    public const string VehicleAgeAtMaturity = "policy.vehicle-age-at-maturity";

    /// <summary>The term is not one the product is sold in.</summary>
    public const string TermAllowed = "policy.term-allowed";

    /// <summary>The repayment method is not one the product offers.</summary>
    public const string MethodAllowed = "policy.method-allowed";

    /// <summary>The product does not finance vehicles of this condition.</summary>
    public const string ProductCondition = "policy.product-condition";

    /// <summary>No plan passes every policy rule (or the grade is not priced), so nothing can be offered.</summary>
    public const string NoEligibleOffer = "offer.none-eligible";

    /// <summary>The risk grade is below the approval cut-off and the referral band.</summary>
    public const string GradeDeclined = "decision.grade-declined";

    /// <summary>The risk grade falls in the band an underwriter reviews.</summary>
    public const string GradeReferred = "decision.grade-referred";

    /// <summary>The credit report could not be obtained (the bureau timed out or failed): an underwriter decides.</summary>
    public const string BureauUnavailable = "bureau.unavailable";

    /// <summary>The bureau holds no record of the applicant.</summary>
    public const string BureauNoHit = "bureau.no-hit";

    /// <summary>The credit report shows a delinquency of 90 days or more within the last 12 months.</summary>
    public const string BureauRecentSeriousDelinquency = "bureau.recent-90-plus";

    /// <summary>The credit report holds an open public record (judgment, enforcement, tax arrears).</summary>
    public const string BureauPublicRecord = "bureau.public-record";

    /// <summary>The policy rules in the order <see cref="PolicyEvaluator.Evaluate"/> reports them.</summary>
    public static IReadOnlyList<string> PolicyRules { get; } =
        [MinAge, MaxAgeAtMaturity, TermCap, LtvCap, LoanAmount, PaymentToIncome, DebtToIncome, VehicleAgeAtMaturity, TermAllowed, MethodAllowed, ProductCondition];

    /// <summary>Every code defined here.</summary>
    public static IReadOnlyList<string> All { get; } = [.. PolicyRules, NoEligibleOffer, GradeDeclined, GradeReferred, BureauUnavailable, BureauNoHit, BureauRecentSeriousDelinquency, BureauPublicRecord];
}
