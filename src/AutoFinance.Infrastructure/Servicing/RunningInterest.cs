namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// The interest recognised so far on a loan's running instalment, as its row keeps it (see
/// <see cref="LoanRow.RunningInstallment"/>); default when the instalment rows hold it.
/// </summary>
public readonly record struct RunningInterest(int? Installment, decimal Accrued)
{
    /// <summary>The interest recognised on instalment <paramref name="number"/>: the loan's figure for its running instalment, else the instalment row's.</summary>
    public decimal Of(int number, decimal rowAccrued) => Installment == number ? Accrued : rowAccrued;
}
