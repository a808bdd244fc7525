using AutoFinance.Application.Security;
using AutoFinance.Application.Servicing;
using AutoFinance.Application.Servicing.PayOff;
using AutoFinance.Application.Servicing.PostPayment;
using AutoFinance.Application.Servicing.QuotePayoff;
using AutoFinance.Infrastructure.Servicing;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// Where money that has arrived meets servicing: it is posted to the loan as the loan's own payment, through the
/// servicing slices, under an Idempotency-Key made of where it came from (the provider's transaction id, the statement
/// entry), so the same money arriving twice is posted once; and the payoff quote that bounds what a customer may pay.
/// </summary>
public sealed class LoanPosting(PostPaymentHandler payments, PayOffHandler payoff, QuotePayoffHandler quotes, EfLoanStore loans)
{
    /// <summary>How often money is posted when another change of its loan keeps winning the race to be saved.</summary>
    private const int Attempts = 12;

    /// <summary>The payoff's refusal when the amount quoted is no longer what pays the loan off.</summary>
    private const string QuoteChanged = "payoff.amount.changed";

    /// <summary>The aggregate's refusal of a payment dated before the loan's schedule was re-planned.</summary>
    private const string BeforeRestructure = "payment.date.before_restructure";

    /// <summary>The loan's customer paying, as the provider or bank reports it (server-dated, like any customer payment).</summary>
    public static Actor Payer(Guid customerId, string source) => new(Roles.Customer, null, null, customerId, source);

    /// <summary>
    /// Leaves this unit of work's postings, their rows and audit events, to <paramref name="write"/>, for the caller to
    /// store with its own changes (<see cref="EfLoanStore.Deferred"/>); null saves them as they are made.
    /// </summary>
    public void Defer(Persistence.DeferredWrite? write) => loans.Deferred = write;

    /// <summary>The loan's row, the rest and its customer's notices' recipients as the caller read them (<see cref="EfLoanStore.Preread"/>), for the next posting on it.</summary>
    public void Preread(LoanRow loan, EfLoanStore.KnownWithRow known, IReadOnlyDictionary<Guid, Notifications.Recipient> recipients) => loans.Preread(loan, known, recipients);

    /// <summary>
    /// Posts the money; the payment's id, or the problem that kept it from being posted. A posting that lost the race
    /// to another change of the loan saved at the same moment is made again on the loan as it now is.
    /// </summary>
    public async Task<Posted> PostAsync(Actor payer, Guid loanId, decimal amount, string surplus, Arrival arrival, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var posted = await UntilNotRacedAsync(async () => Of(await payments.HandleAsync(payer, loanId, new PostPaymentRequest(amount, arrival.ValueDate, surplus, null, arrival.Reference, arrival.Channel), arrival.Key, ct).ConfigureAwait(false), r => r.PaymentId)).ConfigureAwait(false);
        // Money booked before the loan's schedule was re-planned cannot be placed before the plan: it is posted today instead.
        return posted.Code == BeforeRestructure && arrival.ValueDate is not null
            ? await PostAsync(payer, loanId, amount, surplus, arrival with { ValueDate = null }, ct).ConfigureAwait(false)
            : posted;
    }

    /// <summary>Pays the loan off with the money, confirming the amount quoted; the payment's id, or the problem (a lost race made again, likewise).</summary>
    /// <remarks>
    /// The quote may have moved between the checkout and the money: the day turned (a day's interest more), or another
    /// payment was posted meanwhile (less owed). The money is posted all the same, never left received but not posted:
    /// as a payment whose surplus is held, and, when the credit then held covers what pays the loan off, the loan is
    /// paid off from it (no more money moves; what is left is owed back to the customer). Short of that the loan stays
    /// open with what is left to pay. Both are saved as they are made, not left to the caller's write.
    /// </remarks>
    public async Task<Posted> PayOffAsync(Actor payer, Guid loanId, decimal amount, Arrival arrival, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var paidOff = await UntilNotRacedAsync(async () => Of(await payoff.HandleAsync(payer, loanId, new PayOffRequest(null, amount, null, arrival.Reference, arrival.Channel), arrival.Key, ct).ConfigureAwait(false), r => r.PaymentId)).ConfigureAwait(false);
        if (paidOff.Code != QuoteChanged)
        {
            return paidOff;
        }

        var deferred = loans.Deferred;
        loans.Deferred = null;
        try
        {
            var posted = await PostAsync(payer, loanId, amount, "hold", arrival, ct).ConfigureAwait(false);
            if (posted.PaymentId is not null)
            {
                await UntilNotRacedAsync(async () => Of(await payoff.HandleAsync(payer, loanId, new PayOffRequest(null, 0m), $"{arrival.Key}:payoff", ct).ConfigureAwait(false), r => r.PaymentId)).ConfigureAwait(false);
            }

            return posted;
        }
        finally
        {
            loans.Deferred = deferred;
        }
    }

    private static async Task<Posted> UntilNotRacedAsync(Func<Task<Posted>> post)
    {
        var posted = await post().ConfigureAwait(false);
        for (var attempt = 1; posted.Raced && attempt < Attempts; attempt++)
        {
            posted = await post().ConfigureAwait(false);
        }

        return posted;
    }

    private static Posted Of<T>(CommandResult<T> result, Func<T, Guid> paymentId) =>
        result.Failure == CommandFailure.None
            ? new(paymentId(result.Value!), null)
            : new(null, result.Problem ?? result.Code ?? result.Failure.ToString()) { Code = result.Code, Parameters = result.Parameters, Raced = result.Failure == CommandFailure.Conflict && result.Code == IdempotentReplies.Changed };

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

    /// <summary>The payment's id, or the problem that kept the money from being posted.</summary>
    public sealed record Posted(Guid? PaymentId, string? Problem)
    {
        /// <summary>The refusal's stable code, when it has one.</summary>
        public string? Code { get; init; }

        /// <summary>The refusal's figures by name, as its code's text puts them in.</summary>
        public IReadOnlyDictionary<string, string>? Parameters { get; init; }

        /// <summary>Not posted only because another change of the loan was saved at the same moment: posting it again is safe.</summary>
        public bool Raced { get; init; }
    }

    /// <summary>How money arrived: the rail (<see cref="PaymentChannels"/>) and its reference, which also keys the posting.</summary>
    /// <param name="ValueDate">The day a bank statement shows the money booked (<see cref="PostingDates.BankValueDate"/>); null: dated today.</param>
    public sealed record Arrival(string Channel, string Reference, DateOnly? ValueDate = null)
    {
        public string Key => $"{Channel}:{Reference}";
    }
}
