using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Domain.Tests.Servicing.LoanAggregate;

/// <summary>The loan the aggregate's tests book: ¥120,000 at 6 % over 12 months, annuity, from 15 January 2026, Actual/365.</summary>
internal static class SampleLoan
{
    public static readonly LoanTerms Terms = new()
    {
        Principal = 120_000m,
        AnnualRate = 0.06m,
        TermMonths = 12,
        Method = RepaymentMethod.Annuity,
        StartDate = new DateOnly(2026, 1, 15),
        DayCount = DayCountConvention.Actual365,
    };

    /// <summary>Servicing with 3 days' grace, a ¥50 late fee and penalty at 1.5 times the rate.</summary>
    public static readonly ServicingTerms WithLateFee = ServicingTerms.Default with { LateCharges = new LateChargeTerms(3, 50m, 1.5m) };
}
