namespace AutoFinance.Domain.Servicing;

/// <summary>What a payment settled on one instalment, by component.</summary>
public readonly record struct InstallmentAllocation(int Number, DateOnly DueDate, decimal Fee, decimal PenaltyInterest, decimal Interest, decimal Principal)
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

    internal InstallmentAllocation Add(DueComponent component, decimal amount) => component switch
    {
        DueComponent.Fee => this with { Fee = Fee + amount },
        DueComponent.PenaltyInterest => this with { PenaltyInterest = PenaltyInterest + amount },
        DueComponent.Interest => this with { Interest = Interest + amount },
        DueComponent.Principal => this with { Principal = Principal + amount },
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Not a due component."),
    };
}
