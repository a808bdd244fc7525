using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Tests.Monetary;

public class CurrencyTests
{
    [Theory]
    [InlineData(2.345, 2.35)]
    [InlineData(-2.345, -2.35)]
    [InlineData(2.3449999, 2.34)]
    [InlineData(0.005, 0.01)]
    [InlineData(-0.005, -0.01)]
    public void Rounding_is_half_away_from_zero_to_the_minor_unit(decimal amount, decimal expected)
    {
        Assert.Equal(expected, Currency.Cny.Round(amount));
    }

    [Fact]
    public void Yen_rounds_to_whole_units()
    {
        Assert.Equal(1235m, Currency.FromCode("JPY").Round(1234.5m));
    }

    [Fact]
    public void Minor_units_round_trip_exactly()
    {
        Assert.Equal(1234L, Currency.Cny.ToMinorUnits(12.34m));
        Assert.Equal("12.30", Currency.Cny.FromMinorUnits(1230).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(-5.07m, Currency.Cny.FromMinorUnits(-507));
        Assert.Throws<ArgumentException>(() => Currency.Cny.ToMinorUnits(0.001m));
    }

    [Fact]
    public void Money_refuses_to_mix_currencies()
    {
        Assert.Throws<InvalidOperationException>(() => Domain.Monetary.Money.Of(1m, Currency.Cny) + Domain.Monetary.Money.Of(1m, Currency.Usd));
        Assert.Equal("3.50 CNY", (Domain.Monetary.Money.Of(1.25m, Currency.Cny) + Domain.Monetary.Money.Of(2.25m, Currency.Cny)).ToString());
    }
}
