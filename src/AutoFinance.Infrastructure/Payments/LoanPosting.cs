using AutoFinance.Application.Security;
using AutoFinance.Application.Servicing;
using AutoFinance.Application.Servicing.PayOff;
using AutoFinance.Application.Servicing.PostPayment;
using AutoFinance.Application.Servicing.QuotePayoff;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Servicing;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// Where money that has arrived meets servicing: it is posted to the loan as the loan's own payment, through the
/// servicing slices, under an Idempotency-Key made of where it came from (the provider's transaction id, the statement
/// entry), so the same money arriving twice is posted once; and the payoff quote that bounds what a customer may pay.
/// </summary>
public sealed class LoanPosting(PostPaymentHandler payments, PayOffHandler payoff, QuotePayoffHandler quotes, EfLoanStore loans)
{
    /// <summary>The loan's customer paying, as the provider or bank reports it (server-dated, like any customer payment).</summary>
    public static Actor Payer(Guid customerId, string source) => new(Roles.Customer, null, null, customerId, source);

    /// <summary>
    /// Leaves this unit of work's postings in the context, their audit events added to <paramref name="events"/>, for
    /// the caller to store with its own changes (<see cref="EfLoanStore.Deferred"/>); null saves them as they are made.
    /// </summary>
    public void Defer(List<AuditEvent>? events) => loans.Deferred = events;

    /// <summary>The loan's row, the rest and its customer's notices' recipients as the caller read them (<see cref="EfLoanStore.Preread"/>), for the next posting on it.</summary>
    public void Preread(LoanRow loan, EfLoanStore.KnownWithRow known, IReadOnlyDictionary<Guid, Notifications.Recipient> recipients) => loans.Preread(loan, known, recipients);

    /// <summary>Posts the money; the payment's id, or the problem that kept it from being posted.</summary>
    public async Task<(Guid? PaymentId, string? Problem)> PostAsync(Actor payer, Guid loanId, decimal amount, string surplus, Arrival arrival, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var result = await payments.HandleAsync(payer, loanId, new PostPaymentRequest(amount, null, surplus, null, arrival.Reference, arrival.Channel), arrival.Key, ct).ConfigureAwait(false);
        return result.Failure == CommandFailure.None ? (result.Value!.PaymentId, null) : (null, result.Problem ?? result.Code ?? result.Failure.ToString());
    }

    /// <summary>Pays the loan off with the money, confirming the amount quoted; the payment's id, or the problem.</summary>
    public async Task<(Guid? PaymentId, string? Problem)> PayOffAsync(Actor payer, Guid loanId, decimal amount, Arrival arrival, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var result = await payoff.HandleAsync(payer, loanId, new PayOffRequest(null, amount, null, arrival.Reference, arrival.Channel), arrival.Key, ct).ConfigureAwait(false);
        return result.Failure == CommandFailure.None ? (result.Value!.PaymentId, null) : (null, result.Problem ?? result.Code ?? result.Failure.ToString());
    }

    /// <summary>Today's payoff amount for the actor, or null when the loan cannot be quoted (not visible, closed).</summary>
    public async Task<decimal?> PayoffTodayAsync(Actor actor, Guid loanId, CancellationToken ct)
    {
        var quote = await quotes.HandleAsync(actor, loanId, null, ct).ConfigureAwait(false);
        return quote.Failure == CommandFailure.None ? quote.Value!.Total : null;
    }

    /// <summary>The same, for a loan whose row (and what <paramref name="known"/> carries) the caller has read untracked: none of it is read again.</summary>
    public async Task<decimal?> PayoffTodayAsync(Actor actor, LoanRow loan, EfLoanStore.KnownWithRow? known, CancellationToken ct)
    {
        var quote = quotes.Quote(actor, await loans.LoadAsync(loan, LoanLoad.ForQuote, known, ct).ConfigureAwait(false), null);
        return quote.Failure == CommandFailure.None ? quote.Value!.Total : null;
    }

    /// <summary>How money arrived: the rail (<see cref="PaymentChannels"/>) and its reference, which also keys the posting.</summary>
    public sealed record Arrival(string Channel, string Reference)
    {
        public string Key => $"{Channel}:{Reference}";
    }
}
