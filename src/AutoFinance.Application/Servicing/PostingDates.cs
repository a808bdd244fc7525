using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Application.Servicing;

/// <summary>
/// Who may date money moving on a loan. Money from or for a customer is dated by the server (today). Staff may
/// backdate a posting, saying why, within a window of business days (Monday to Friday; 5 unless configured) and never
/// before the loan's start; no one dates a posting in the future.
/// </summary>
public static class PostingDates
{
    /// <summary>Business days staff may backdate a posting by, unless configured otherwise.</summary>
    public const int DefaultBackdateBusinessDays = 5;

    /// <summary>The date to post on, or the refusal: 422 for a customer's date, field errors for staff.</summary>
    public static (DateOnly Date, CommandResult<T>? Refusal) Check<T>(
        Actor actor, DateOnly? asked, string? reason, DateOnly today, DateOnly loanStart, string field, int windowBusinessDays = DefaultBackdateBusinessDays)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var date = asked ?? today;
        if (!actor.IsStaff)
        {
            return date == today
                ? (date, null)
                : (date, CommandResult<T>.Unprocessable(field, "money from a customer is dated by the server; leave the date out", $"{field}.customer_dated"));
        }

        var earliest = EarliestBackdate(today, windowBusinessDays);
        var errors = new List<FieldError>();
        if (date > today || date < loanStart || date < earliest)
        {
            errors.Add(new FieldError(field, $"must be between {Max(earliest, loanStart):yyyy-MM-dd} (the loan's start, or {windowBusinessDays} business days back) and today"));
        }
        else if (date < today && reason?.Trim() is not { Length: >= 3 and <= 500 })
        {
            errors.Add(new FieldError("reason", "a backdated posting needs a reason, in 3 to 500 characters"));
        }

        return errors.Count == 0 ? (date, null) : (date, CommandResult<T>.Invalid(errors));
    }

    /// <summary>
    /// The date money a bank statement shows arriving is posted on: the day the bank booked it to the lender's account,
    /// since from then the lender held it and the customer owes no lateness for it; never after today or before the
    /// loan's start. The bank, not a person, dates it, so no reason or backdating window applies.
    /// </summary>
    public static DateOnly BankValueDate(DateOnly booked, DateOnly today, DateOnly loanStart) =>
        booked > today ? today : booked < loanStart ? loanStart : booked;

    /// <summary>The earliest date <paramref name="businessDays"/> business days before <paramref name="today"/>.</summary>
    public static DateOnly EarliestBackdate(DateOnly today, int businessDays)
    {
        var date = today;
        for (var counted = 0; counted < businessDays;)
        {
            date = date.AddDays(-1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        return date;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
