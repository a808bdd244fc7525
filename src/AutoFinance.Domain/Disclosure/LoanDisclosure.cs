namespace AutoFinance.Domain.Disclosure;

/// <summary>
/// The machine-readable disclosure of one offer: everything a customer must know before signing, computed from the
/// real schedule. Its JSON form is published as docs/schemas/loan-disclosure.schema.json. Rates are percentages.
/// </summary>
public sealed record LoanDisclosure(
    string SchemaVersion,
    string Currency,
    string Method,
    int TermMonths,
    DateOnly StartDate,
    decimal NominalAnnualRatePercent,
    DisclosedRates AnnualisedRates,
    decimal CashPrincipal,
    decimal FinancedBundles,
    decimal LoanPrincipal,
    decimal PrepaidFinanceCharges,
    decimal AmountFinanced,
    decimal TotalInterest,
    decimal TotalFees,
    decimal FinanceCharge,
    decimal TotalOfPayments,
    decimal TotalRepayable,
    DisclosedPayments Payments,
    DisclosedBalloon? Balloon,
    DisclosedFlatFee? FlatFee,
    IReadOnlyList<DisclosedBundle> Bundles,
    DisclosedLateCharges LateCharges,
    DisclosedPrepayment Prepayment,
    IReadOnlyList<DisclosedInstallment> Schedule);

/// <param name="AprPercent">Monthly IRR of the real cash flows × 12 (Regulation Z actuarial APR; China's simple annualisation).</param>
/// <param name="EffectiveAnnualRatePercent">Monthly IRR compounded over a year.</param>
/// <param name="EuAprcPercent">EU annual percentage rate of charge (actual days / 365).</param>
public sealed record DisclosedRates(decimal AprPercent, decimal EffectiveAnnualRatePercent, decimal EuAprcPercent);

public sealed record DisclosedPayments(
    int Count,
    string Frequency,
    decimal RegularAmount,
    DateOnly FirstDueDate,
    DateOnly FinalDueDate,
    decimal FinalAmount);

public sealed record DisclosedBalloon(decimal Amount, decimal PercentOfPrincipal, DateOnly DueDate);

/// <param name="StatedRatePercent">The fee rate as sold: total over the term, or per month (see <paramref name="Basis"/>).</param>
/// <param name="TrueAprPercent">The real annualised rate of the loan, shown beside the fee rate.</param>
public sealed record DisclosedFlatFee(decimal StatedRatePercent, string Basis, decimal TotalFee, string Timing, decimal TrueAprPercent);

public sealed record DisclosedBundle(string Name, decimal Price, bool Financed);

public sealed record DisclosedLateCharges(int GraceDays, decimal FixedFee, decimal PenaltyAnnualRatePercent);

public sealed record DisclosedPrepayment(decimal FeePercent, int? FeeWithinMonths, bool UnearnedFlatFeeDue);

public sealed record DisclosedInstallment(int Number, DateOnly DueDate, decimal Payment, decimal Principal, decimal Interest, decimal Fee, decimal Balance);
