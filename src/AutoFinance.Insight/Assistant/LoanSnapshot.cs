using AutoFinance.Domain.Monetary;

namespace AutoFinance.Insight.Assistant;

/// <summary>
/// The customer's own figures as the servicing layer computed them; the assistant quotes these and never computes
/// or invents one. A figure that is null is not known, and a question that needs it goes to a human.
/// </summary>
/// <param name="LoanId">The loan the figures belong to; null when the customer has only an application.</param>
/// <param name="AsOf">The business date the figures hold on.</param>
/// <param name="NextDueDate">The next instalment's due date.</param>
/// <param name="NextDueAmount">The next instalment's amount.</param>
/// <param name="OutstandingPrincipal">Principal still owed.</param>
/// <param name="PayoffToday">The amount that pays the loan off on <paramref name="AsOf"/>.</param>
/// <param name="ApplicationId">The latest application.</param>
/// <param name="ApplicationStatus">Its status in the customer's language ("approved", "已批准").</param>
/// <param name="CreditHeld">Money the customer paid ahead, held on the loan and applied as the next instalment falls due.</param>
/// <param name="NextDueAfterCredit">What is left to pay of the next instalment once the credit held is applied.</param>
/// <param name="OverdueCount">How many instalments are past their due date unpaid.</param>
/// <param name="OverdueTotal">What is owed on them now, late charges included.</param>
/// <param name="PaidOff">The customer's loan is settled in full (no active loan is left): nothing is due.</param>
public sealed record LoanSnapshot(
    string? LoanId,
    DateOnly AsOf,
    DateOnly? NextDueDate,
    Money? NextDueAmount,
    Money? OutstandingPrincipal,
    Money? PayoffToday,
    string? ApplicationId,
    string? ApplicationStatus,
    Money? CreditHeld = null,
    Money? NextDueAfterCredit = null,
    int OverdueCount = 0,
    Money? OverdueTotal = null,
    bool PaidOff = false);
