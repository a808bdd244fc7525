using AutoFinance.Web.Components.Shared;

namespace AutoFinance.Web.E2E.Components;

/// <summary>An amount on a page shows its own currency: a bank line in dollars is not shown as yuan.</summary>
public sealed class FmtTests
{
    [Theory]
    [InlineData("CNY", 1234.5, "¥1,234.50")]
    [InlineData("USD", 1234.5, "USD 1,234.50")]
    [InlineData("usd", 0.07, "USD 0.07")]
    [InlineData("JPY", 120000, "JPY 120,000")]
    [InlineData("XAU", 3.25, "XAU 3.25")]
    public void An_amount_is_written_in_its_currency(string currency, double amount, string expected) =>
        Assert.Equal(expected, Fmt.Money((decimal)amount, currency));
}
