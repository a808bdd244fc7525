using System.Globalization;
using AutoFinance.Domain.Disclosure;
using Spectre.Console;

namespace AutoFinance.Cli.Loans;

/// <summary>The disclosure as a person reads it in a terminal.</summary>
public static class DisclosureView
{
    public static void Render(IAnsiConsole console, LoanDisclosure d)
    {
        var grid = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned());
        void Line(string label, string value) => grid.AddRow(Markup.Escape(label), Markup.Escape(value));
        string M(decimal amount) => $"{d.Currency} {amount.ToString("N2", CultureInfo.InvariantCulture)}";
        string P(decimal percent) => percent.ToString("F2", CultureInfo.InvariantCulture) + "%";

        Line("Repayment method", d.Method);
        Line("Nominal annual rate", P(d.NominalAnnualRatePercent));
        Line("Annual percentage rate (APR)", P(d.AnnualisedRates.AprPercent));
        Line("Effective annual rate", P(d.AnnualisedRates.EffectiveAnnualRatePercent));
        if (d.FlatFee is { } fee)
        {
            Line($"Flat fee ({fee.Basis} rate {P(fee.StatedRatePercent)}, {fee.Timing})", M(fee.TotalFee));
            Line("True annualised rate of this fee loan", P(fee.TrueAprPercent));
        }

        Line("Amount financed", M(d.AmountFinanced));
        Line("Total interest", M(d.TotalInterest));
        Line("Total fees", M(d.TotalFees));
        Line("Finance charge", M(d.FinanceCharge));
        Line("Total of payments", M(d.TotalOfPayments));
        Line("Total repayable (incl. charges at signing)", M(d.TotalRepayable));
        // The last payment may differ (a balloon, or the rounding the last instalment takes): said beside the regular one.
        var last = d.Payments.FinalAmount == d.Payments.RegularAmount ? string.Empty : $", the last {M(d.Payments.FinalAmount)}";
        Line("Payments", $"{d.Payments.Count} monthly, regularly {M(d.Payments.RegularAmount)}{last}, {d.Payments.FirstDueDate:yyyy-MM-dd} to {d.Payments.FinalDueDate:yyyy-MM-dd}");
        Line("Final payment", M(d.Payments.FinalAmount));
        if (d.Balloon is { } balloon)
        {
            Line("Balloon", $"{M(balloon.Amount)} ({P(balloon.PercentOfPrincipal)} of principal) on {balloon.DueDate:yyyy-MM-dd}");
        }

        foreach (var bundle in d.Bundles)
        {
            Line($"Optional: {bundle.Name}", $"{M(bundle.Price)} ({(bundle.Financed ? "financed" : "paid separately")})");
        }

        Line("Late payment", $"after {d.LateCharges.GraceDays} days: fee {M(d.LateCharges.FixedFee)}, penalty rate {P(d.LateCharges.PenaltyAnnualRatePercent)}");
        Line("Prepayment fee", d.Prepayment.FeePercent == 0m ? "none" : P(d.Prepayment.FeePercent));
        console.Write(grid);
    }
}
