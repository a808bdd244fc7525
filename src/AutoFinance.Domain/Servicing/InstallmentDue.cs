namespace AutoFinance.Domain.Servicing;

/// <summary>What one instalment still owes, by component. Amounts are zero or positive.</summary>
public readonly record struct InstallmentDue(int Number, DateOnly DueDate, decimal Fee, decimal PenaltyInterest, decimal Interest, decimal Principal)
{
    public decimal Total => Fee + PenaltyInterest + Interest + Principal;

    public decimal Of(DueComponent component) => component switch
    {
        DueComponent.Fee => Fee,
        DueComponent.PenaltyInterest => PenaltyInterest,
        DueComponent.Interest => Interest,
        DueComponent.Principal => Principal,
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Not a due component."),
    };
}
