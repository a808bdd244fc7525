using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Domain.Tests.Servicing.LoanAggregate;

/// <summary>A product's own servicing rules: its payment waterfall and late charges, taken over the standard ones.</summary>
public class ProductServicingTests
{
    private static readonly LoanTerms Terms = new()
    {
        Principal = 12_000m,
        AnnualRate = 0.12m,
        TermMonths = 12,
        Method = RepaymentMethod.Annuity,
        StartDate = new DateOnly(2026, 1, 15),
        DayCount = DayCountConvention.Actual365,
    };

    [Fact]
    public void A_product_that_settles_principal_first_allocates_a_part_payment_to_principal_before_interest()
    {
        var product = new ProductServicing { AllocationOrder = [DueComponent.Principal, DueComponent.Interest, DueComponent.PenaltyInterest, DueComponent.Fee] };
        var standard = Loan.Book(Terms).Value!;
        var principalFirst = Loan.Book(Terms, product.Apply(ServicingTerms.Default)).Value!;
        var due = standard.Installments[0];

        var byStandard = standard.Pay(Guid.NewGuid(), due.Principal, due.DueDate).Value!.Parts[0];
        var byProduct = principalFirst.Pay(Guid.NewGuid(), due.Principal, due.DueDate).Value!.Parts[0];

        Assert.Equal(due.Interest, byStandard.Interest);
        Assert.Equal(due.Principal - due.Interest, byStandard.Principal);
        Assert.Equal(0m, byProduct.Interest);
        Assert.Equal(due.Principal, byProduct.Principal);
    }

    [Fact]
    public void What_a_product_leaves_unset_keeps_the_standard_rule()
    {
        var late = new LateChargeTerms(GraceDays: 10, FixedFee: 0m);
        var terms = new ProductServicing { LateCharges = late }.Apply(ServicingTerms.Default);

        Assert.Equal(late, terms.LateCharges);
        Assert.Same(ServicingTerms.Default.Allocation, terms.Allocation);
        Assert.Equal(ServicingTerms.Default.ChargeOffDays, terms.ChargeOffDays);
    }
}
