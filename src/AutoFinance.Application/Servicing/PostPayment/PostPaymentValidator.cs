using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Application.Servicing.PostPayment;

/// <summary>
/// A payment's input: a positive amount in whole minor units, a known surplus choice, the channel and receipt (<see cref="PaymentChannels"/>), and the date rule of
/// <see cref="PostingDates"/>. Every problem at once, except a customer's date, which is refused outright (422).
/// </summary>
public static class PostPaymentValidator
{
    public const decimal MaximumAmount = 100_000_000m;

    public sealed record Valid(decimal Amount, string Surplus, DateOnly PaidOn, string? Channel, string? ReceiptReference);

    public static (Valid? Payment, CommandResult<PaymentReceipt>? Refusal) Validate(Actor actor, PostPaymentRequest request, ServicedLoan loan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(loan);
        var currency = loan.Aggregate.Currency;
        var surplus = request.Surplus?.Trim().ToLowerInvariant() ?? PaymentSurplus.Hold;
        var errors = new List<FieldError>();
        var amount = request.Amount ?? 0m;
        if (amount <= 0 || amount > MaximumAmount || currency.Round(amount) != amount)
        {
            errors.Add(new("amount", $"must be a positive amount in whole {currency.Code} minor units, at most 100000000"));
        }

        if (!PaymentSurplus.IsKnown(surplus))
        {
            errors.Add(new("surplus", "must be hold (keep any surplus as credit), prepay (apply it to principal, lowering the payment) or prepay-keep-payment (shortening the term)"));
        }

        errors.AddRange(PaymentChannels.Check(actor, request.Channel, request.ReceiptReference));
        var (paidOn, dated) = !actor.IsStaff && request.Channel == PaymentChannels.BankStatement && request.PaidOn is { } booked
            ? (PostingDates.BankValueDate(booked, today, loan.StartDate), null)
            : PostingDates.Check<PaymentReceipt>(actor, request.PaidOn, request.Reason, today, loan.StartDate, "paidOn");
        if (dated is { Failure: CommandFailure.Unprocessable })
        {
            return (null, dated);
        }

        errors.AddRange(dated?.Errors ?? []);
        return errors.Count > 0 ? (null, CommandResult<PaymentReceipt>.Invalid(errors)) : (new Valid(amount, surplus, paidOn, request.Channel?.Trim().ToLowerInvariant(), request.ReceiptReference?.Trim()), null);
    }
}
