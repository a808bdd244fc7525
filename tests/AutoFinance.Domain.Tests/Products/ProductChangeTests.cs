using AutoFinance.Domain.Documents;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Servicing;

namespace AutoFinance.Domain.Tests.Products;

public sealed class ProductChangeTests
{
    [Fact]
    public void A_change_replaces_only_the_parts_it_names()
    {
        var change = new ProductChange
        {
            LateCharges = new LateChargeTerms(FixedFee: 120m),
            Prepayment = new PrepaymentTerms(0.02m, 12),
            Limits = new PolicyLimits { MaxLoanAmount = 1_500_000m },
            RequiredDocuments = [DocumentKind.IdCardFront],
        };

        var (policy, card) = change.ApplyTo(ProductPolicy.Default, RateCard.Default);

        Assert.Equal(120m, policy.Servicing.LateCharges!.FixedFee);
        Assert.Equal(0.02m, policy.Servicing.Prepayment!.FeeFraction);
        Assert.Equal(1_500_000m, policy.MaxLoanAmount);
        Assert.Equal(ProductPolicy.Default.MinLoanAmount, policy.MinLoanAmount);
        Assert.Equal([DocumentKind.IdCardFront], policy.RequiredDocuments);
        Assert.Same(RateCard.Default.GradeRates, card.GradeRates);
        Assert.Empty(change.Validate(ProductPolicy.Default, RateCard.Default));
    }

    [Theory]
    [InlineData(-0.01, "field.between")]
    [InlineData(0.37, "field.between")]
    public void A_grade_rate_outside_0_to_36_percent_is_refused_by_its_grade(double rate, string code)
    {
        var change = new ProductChange { GradeRates = new Dictionary<string, decimal> { ["B"] = (decimal)rate } };

        var problem = Assert.Single(change.Validate(ProductPolicy.Default, RateCard.Default));

        Assert.Equal("gradeRates.B", problem.Field);
        Assert.Equal(code, problem.Code);
    }

    [Fact]
    public void An_allocation_order_must_name_each_part_once()
    {
        var change = new ProductChange { AllocationOrder = [DueComponent.Principal, DueComponent.Interest, DueComponent.Interest, DueComponent.Fee] };

        Assert.Equal("product.allocation-order", Assert.Single(change.Validate(ProductPolicy.Default, RateCard.Default)).Code);
    }

    [Fact]
    public void A_promotion_needs_a_rate_or_a_discount_and_a_last_day_not_before_its_first()
    {
        var promotion = new Promotion
        {
            Code = "p", Name = "P", Sponsor = "lender", MaxTermMonths = 24,
            ValidFrom = new DateOnly(2026, 6, 1), ValidTo = new DateOnly(2026, 5, 1),
        };

        var problems = new ProductChange { Promotions = [promotion] }.Validate(ProductPolicy.Default, RateCard.Default);

        Assert.Contains(problems, p => p.Field == "promotions[0].rateDiscount" && p.Code == "product.promotion-rate");
        Assert.Contains(problems, p => p.Field == "promotions[0].validTo" && p.Code == "product.promotion-dates");
    }
}
