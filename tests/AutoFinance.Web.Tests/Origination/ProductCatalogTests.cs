using AutoFinance.Domain.Monetary;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Seeding;

namespace AutoFinance.Web.Tests.Origination;

public sealed class ProductCatalogTests
{
    [Fact]
    public void A_product_survives_being_stored_as_json_with_its_currency_rates_and_promotions()
    {
        var product = DemoData.DefaultProduct();

        var back = ProductCatalog.ToSettings(ProductCatalog.ToRow(product, Guid.NewGuid()));

        Assert.Equal(Currency.Cny.Code, back.Policy.Currency.Code);
        Assert.Equal(Currency.Cny.MinorUnits, back.Policy.Currency.MinorUnits);
        Assert.Equal(product.Policy.LtvCapNewConventional, back.Policy.LtvCapNewConventional);
        Assert.Equal(product.Policy.AllowedTerms, back.Policy.AllowedTerms);
        Assert.Equal(product.RateCard.GradeRates["C"], back.RateCard.GradeRates["C"]);
        Assert.Equal(product.RateCard.MethodAdjustments, back.RateCard.MethodAdjustments);
        Assert.Equal(product.RateCard.Promotions.Single().AnnualRate, back.RateCard.Promotions.Single().AnnualRate);
        Assert.Equal(product.Rules.ApproveGrades, back.Rules.ApproveGrades);
    }
}
