using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Servicing.Hardship;

/// <summary>A hardship plan's new schedule for the remaining instalments and what it changes; or every problem with the request.</summary>
public sealed record HardshipResult(RepaymentSchedule? Schedule, HardshipAdjustment? Adjustment, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    internal static HardshipResult Of(RepaymentSchedule schedule, HardshipAdjustment adjustment) => new(schedule, adjustment, []);

    internal static HardshipResult Invalid(IReadOnlyList<FieldError> errors) => new(null, null, errors);
}
