namespace AutoFinance.Domain.Origination.Funding;

/// <summary>The things that must be true before a contract's money goes to the dealer.</summary>
public enum FundingItem
{
    /// <summary>Every document the product requires handed in and accepted by a reviewer.</summary>
    Documents,

    /// <summary>The vehicle's insurance: policy number and insurer.</summary>
    Insurance,

    /// <summary>The lender's mortgage on the vehicle registered (抵押登记): registration number and date.</summary>
    MortgageRegistration,

    /// <summary>A GPS tracker fitted (its device id), where the product requires one.</summary>
    Gps,
}
