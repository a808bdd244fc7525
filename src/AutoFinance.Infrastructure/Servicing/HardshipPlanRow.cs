namespace AutoFinance.Infrastructure.Servicing;

/// <summary>A restructure granted to a customer in hardship, with the schedule it replaced.</summary>
public sealed class HardshipPlanRow
{
    public Guid Id { get; set; }

    public Guid LoanId { get; set; }

    /// <summary>payment-holiday, term-extension or re-amortisation.</summary>
    public required string Kind { get; set; }

    public required string ParametersJson { get; set; }

    public required string ScheduleBeforeJson { get; set; }

    public DateOnly EffectiveOn { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
