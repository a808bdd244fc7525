using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Application.Servicing.QuotePayoff;

/// <summary>
/// What closes a loan on a date (<see cref="Loan.Quote"/>), by default today. A quote for a past date is for staff
/// (422 <c>payoff.quote.past_date</c> for a customer); no date before the loan's start or more than a year ahead.
/// </summary>
public sealed class QuotePayoffHandler(ILoanStore loans, TimeProvider time)
{
    public async Task<CommandResult<PayoffFigures>> HandleAsync(Actor actor, Guid loanId, DateOnly? on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Quote(actor, await loans.LoadAsync(loanId, LoanLoad.ForQuote, ct).ConfigureAwait(false), on);
    }

    /// <summary>The quote of a loan already loaded for a quote (null when there is none), with the same checks.</summary>
    public CommandResult<PayoffFigures> Quote(Actor actor, ServicedLoan? loan, DateOnly? on)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (loan is null || !LoanAccess.MayPay(actor, loan))
        {
            return CommandResult<PayoffFigures>.NotFound();
        }

        var today = BusinessDay.Today(time);
        var date = on ?? today;
        if (date < today && !actor.IsStaff)
        {
            return CommandResult<PayoffFigures>.Unprocessable("on", "a payoff quote for a past date is for staff; ask for today or a later date", "payoff.quote.past_date");
        }

        if (date < loan.StartDate || date > today.AddYears(1))
        {
            return CommandResult<PayoffFigures>.Invalid("on", "must be between the loan's start date and a year from today", "payoff.date.range",
                new Dictionary<string, string>
                {
                    ["start"] = loan.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["latest"] = today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                });
        }

        var quote = loan.Aggregate.Quote(date);
        return quote.Succeeded ? CommandResult<PayoffFigures>.Ok(PayoffFigures.From(quote.Value!)) : CommandResult<PayoffFigures>.From(quote.Error!);
    }
}
