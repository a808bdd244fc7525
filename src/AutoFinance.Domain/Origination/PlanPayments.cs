using System.Buffers;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Origination;

/// <summary>The payments of a plan's schedule that affordability and comparison look at.</summary>
/// <param name="First">The first instalment.</param>
/// <param name="Max">The largest instalment of all, a final balloon included.</param>
/// <param name="Final">The last instalment.</param>
/// <param name="Assessed">
/// The payment tested against income (PTI, DTI): the largest regular instalment. The final instalment of a balloon or
/// interest-only plan repays the residual in one sum and is left out, as lenders assess such plans on the monthly
/// payment the borrower carries; for every other method it is the largest instalment (the first of an
/// equal-principal plan, the level payment of an annuity, or its last when that absorbs a few cents more).
/// </param>
public readonly record struct PlanPayments(decimal First, decimal Max, decimal Final, decimal Assessed)
{
    public static PlanPayments Of(RepaymentSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Of(schedule.Rows, schedule.Terms.Method);
    }

    /// <summary>The payments of the schedule the terms build, worked on the stack (or in a pooled buffer): nothing of it is kept.</summary>
    public static PlanPayments Of(LoanTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.TermMonths is > 0 and <= LoanTermsValidator.MaxTermMonths)
        {
            Span<Installment> onStack = stackalloc Installment[terms.TermMonths];
            ScheduleBuilder.BuildInto(terms, onStack);
            return Of(onStack, terms.Method);
        }

        var rows = ArrayPool<Installment>.Shared.Rent(Math.Max(1, terms.TermMonths));
        try
        {
            ScheduleBuilder.BuildInto(terms, rows);
            return Of(rows.AsSpan(0, terms.TermMonths), terms.Method);
        }
        finally
        {
            ArrayPool<Installment>.Shared.Return(rows);
        }
    }

    internal static PlanPayments Of(ReadOnlySpan<Installment> rows, RepaymentMethod method)
    {
        var lumpAtEnd = rows.Length > 1 && method is RepaymentMethod.Balloon or RepaymentMethod.InterestOnly;
        var regularCount = lumpAtEnd ? rows.Length - 1 : rows.Length;
        var assessed = 0m;
        for (var k = 0; k < regularCount; k++)
        {
            assessed = Math.Max(assessed, rows[k].Payment);
        }

        var final = rows[^1].Payment;
        return new PlanPayments(rows[0].Payment, Math.Max(assessed, final), final, assessed);
    }
}
