using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Payoff;

/// <summary>The schedule left after a partial prepayment, the amount prepaid and its fee; or the problem.</summary>
public sealed record ReamortisationResult(RepaymentSchedule? Schedule, decimal Prepaid, decimal Fee, FieldError? Error)
{
    public static ReamortisationResult Of(RepaymentSchedule schedule, decimal prepaid, decimal fee) => new(schedule, prepaid, fee, null);

    public static ReamortisationResult Invalid(FieldError error) => new(null, 0m, 0m, error);
}
