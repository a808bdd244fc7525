using AutoFinance.Domain.Payoff;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Application.Servicing;

/// <summary>The words a payer uses for what a payment's surplus becomes.</summary>
public static class PaymentSurplus
{
    /// <summary>Kept as credit.</summary>
    public const string Hold = "hold";

    /// <summary>Applied to principal, lowering the payment.</summary>
    public const string Prepay = "prepay";

    /// <summary>Applied to principal, shortening the term.</summary>
    public const string PrepayKeepPayment = "prepay-keep-payment";

    public static bool IsKnown(string word) => word is Hold or Prepay or PrepayKeepPayment;

    public static SurplusChoice ChoiceOf(string word) => word is Prepay or PrepayKeepPayment ? SurplusChoice.Prepay : SurplusChoice.Hold;

    public static ReamortisationMode ModeOf(string word) => word == PrepayKeepPayment ? ReamortisationMode.KeepPayment : ReamortisationMode.KeepTerm;
}
