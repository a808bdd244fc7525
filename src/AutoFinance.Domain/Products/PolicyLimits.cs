using AutoFinance.Domain.Origination;

namespace AutoFinance.Domain.Products;

/// <summary>The policy limits a product change may set; a limit left null keeps the product's current one.</summary>
public sealed record PolicyLimits
{
    public decimal? MinLoanAmount { get; init; }

    public decimal? MaxLoanAmount { get; init; }

    public int? MaxTermNewMonths { get; init; }

    public int? MaxTermUsedMonths { get; init; }

    public IReadOnlyList<int>? AllowedTerms { get; init; }

    public decimal? LtvCapNewConventional { get; init; }

    public decimal? LtvCapNewEnergy { get; init; }

    public decimal? LtvCapUsed { get; init; }

    public decimal? MaxPaymentToIncome { get; init; }

    public decimal? MaxDebtToIncome { get; init; }

    public int? MinAge { get; init; }

    public int? MaxAgeAtMaturity { get; init; }

    /// <summary>The policy with these limits in place of its own.</summary>
    public ProductPolicy ApplyTo(ProductPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy with
        {
            MinLoanAmount = MinLoanAmount ?? policy.MinLoanAmount,
            MaxLoanAmount = MaxLoanAmount ?? policy.MaxLoanAmount,
            MaxTermNewMonths = MaxTermNewMonths ?? policy.MaxTermNewMonths,
            MaxTermUsedMonths = MaxTermUsedMonths ?? policy.MaxTermUsedMonths,
            AllowedTerms = AllowedTerms ?? policy.AllowedTerms,
            LtvCapNewConventional = LtvCapNewConventional ?? policy.LtvCapNewConventional,
            LtvCapNewEnergy = LtvCapNewEnergy ?? policy.LtvCapNewEnergy,
            LtvCapUsed = LtvCapUsed ?? policy.LtvCapUsed,
            MaxPaymentToIncome = MaxPaymentToIncome ?? policy.MaxPaymentToIncome,
            MaxDebtToIncome = MaxDebtToIncome ?? policy.MaxDebtToIncome,
            MinAge = MinAge ?? policy.MinAge,
            MaxAgeAtMaturity = MaxAgeAtMaturity ?? policy.MaxAgeAtMaturity,
        };
    }
}
