namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>A loan as collections sees it on a business date.</summary>
/// <param name="LoanId">The loan's stable identifier (it breaks the last ties, ordinally).</param>
/// <param name="DaysPastDue">Days past due of the oldest unpaid instalment.</param>
/// <param name="Grade">The account's risk grade (A best), as scored at origination or by the behavioural score.</param>
/// <param name="AmountAtRisk">What the lender stands to lose: outstanding principal plus overdue interest, fees and penalty.</param>
/// <param name="AmountOverdue">What is past due now.</param>
/// <param name="BehaviourScore">The behaviour score at the last close of business (0–1000, higher pays better), if scored.</param>
public sealed record CollectionAccount(string LoanId, int DaysPastDue, string Grade, decimal AmountAtRisk, decimal AmountOverdue, int? BehaviourScore = null);
