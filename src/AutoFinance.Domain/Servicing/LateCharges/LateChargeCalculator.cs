using AutoFinance.Domain.Servicing.Accrual;

namespace AutoFinance.Domain.Servicing.LateCharges;

/// <summary>
/// The end-of-day step for late charges on one instalment: the late fee once grace is exceeded, and penalty interest
/// accrued day by day and posted with cumulative rounding.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Penalty days are the days ending on DueDate + 1 … business date (day k is the k-th day past due). Each day not
/// yet counted (after <see cref="LateChargeState.AccruedThrough"/>) accrues <see cref="PenaltyInterest.ForDay"/> on the
/// overdue principal + interest given, which is what the instalment owes at the end of the business date. A run that
/// catches up several missed days uses that amount for all of them; run each missed business date in order with its
/// own overdue amount when payments fell in between.</item>
/// <item>While days past due ≤ grace days the penalty accrues (under <see cref="PenaltyStart.FromDueDate"/>) but
/// nothing is posted: an instalment paid within grace is never charged. From the first day past grace, each run posts
/// round(accrued) − posted, half away from zero, so everything posted adds up to round(total accrued) exactly.
/// Under <see cref="PenaltyStart.AfterGrace"/> the grace days accrue nothing.</item>
/// <item>The late fee is posted once, on the first run past grace while principal or interest is still owed.</item>
/// <item>A rerun for a business date already counted posts nothing.</item>
/// </list>
/// </remarks>
public static class LateChargeCalculator
{
    /// <summary>Runs the late-charge step for <paramref name="businessDate"/> on the instalment <paramref name="due"/> (what it owes now).</summary>
    public static LateChargeAccrual Accrue(LateChargeState state, InstallmentDue due, DateOnly businessDate, LateChargePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (due.Number != state.InstallmentNumber || due.DueDate != state.DueDate)
        {
            throw new ArgumentException($"The state is for instalment {state.InstallmentNumber} due {state.DueDate:yyyy-MM-dd}, not {due.Number} due {due.DueDate:yyyy-MM-dd}.", nameof(due));
        }

        var overdue = due.Principal + due.Interest;
        var grace = policy.Terms.GraceDays;
        var accrued = state.PenaltyAccrued;
        for (var day = state.AccruedThrough.AddDays(1); day <= businessDate; day = day.AddDays(1))
        {
            if (policy.PenaltyStart == PenaltyStart.FromDueDate || DaysPastDue.Of(due.DueDate, day) > grace)
            {
                accrued += PenaltyInterest.ForDay(overdue, policy, day);
            }
        }

        var next = state with
        {
            AccruedThrough = businessDate > state.AccruedThrough ? businessDate : state.AccruedThrough,
            PenaltyAccrued = accrued,
        };

        if (!LateFee.IsGraceExceeded(due.DueDate, businessDate, grace))
        {
            return new LateChargeAccrual(0m, 0m, next);
        }

        var (posted, penalty) = new RunningAccrual(accrued, state.PenaltyPosted).Post(policy.Currency);
        var fee = LateFee.Due(due, businessDate, policy.Terms, state.FeeCharged, policy.Currency);
        return new LateChargeAccrual(fee, penalty, next with
        {
            PenaltyPosted = posted.Posted,
            FeeCharged = state.FeeCharged || fee > 0m,
        });
    }
}
