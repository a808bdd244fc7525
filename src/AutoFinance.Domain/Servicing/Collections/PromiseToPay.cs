namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>A customer's promise, recorded on a contact, to pay an amount by a date.</summary>
/// <param name="MadeOn">The business date of the contact; payments from this date count towards the promise.</param>
/// <param name="PayBy">The last date the customer promised to pay on.</param>
/// <param name="Amount">The amount promised.</param>
/// <param name="GraceDays">Days after <see cref="PayBy"/> still accepted (a payment in transit).</param>
/// <param name="MadeAt">When the promise was made: money received before it, even on the same day, was not paid on it.</param>
public sealed record PromiseToPay(string LoanId, DateOnly MadeOn, DateOnly PayBy, decimal Amount, int GraceDays = 0, DateTimeOffset? MadeAt = null)
{
    /// <summary>The last business date a payment counts on.</summary>
    public DateOnly Deadline => PayBy.AddDays(GraceDays);
}
