using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Servicing.Vehicles;

namespace AutoFinance.Domain.Tests.Servicing.Vehicles;

public class VehicleValuationTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 15);

    private static VehicleValueEstimate Value(VehicleValueClass valueClass, decimal price, int ageMonths, int km) =>
        VehicleValuation.Estimate(valueClass, price, AsOf.AddMonths(-ageMonths), km, AsOf, Currency.Cny);

    [Fact]
    public void A_two_year_old_petrol_car_at_expected_mileage_keeps_70_percent()
    {
        var estimate = Value(VehicleValueClass.Conventional, 200_000m, 24, 30_000);

        Assert.Equal(24, estimate.AgeMonths);
        Assert.Equal(0.70m, estimate.Retention);
        Assert.Equal(1m, estimate.MileageFactor);
        Assert.Equal(140_000m, estimate.Value);
        Assert.False(estimate.AtFloor);
    }

    [Fact]
    public void Between_points_the_curve_is_a_straight_line_and_extra_mileage_costs_2_percent_per_10000_km()
    {
        // 18 months: half-way from 0.80 to 0.70 = 0.75; 32,500 km against 22,500 expected: 1 − 0.02 = 0.98.
        var estimate = Value(VehicleValueClass.Conventional, 200_000m, 18, 32_500);

        Assert.Equal(0.75m, estimate.Retention);
        Assert.Equal(0.98m, estimate.MileageFactor);
        Assert.Equal(147_000m, estimate.Value);
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(6, 0.9)]
    [InlineData(30, 0.655)]
    [InlineData(40, 0.5833)] // 0.61 − 0.08 × 4/12 = 0.58333…
    [InlineData(120, 0.22)]
    [InlineData(200, 0.22)]
    public void Conventional_retention_by_age(int months, double retention) =>
        Assert.Equal((decimal)retention, DepreciationTable.Default.Curve(VehicleValueClass.Conventional).RetentionAt(months));

    [Fact]
    public void A_new_energy_vehicle_loses_value_faster_and_low_mileage_adds_value()
    {
        // 36 months: 0.47; 20,000 km against 36,000 expected: 1 + 0.02 × 1.6 = 1.032. 250,000 × 0.47 × 1.032 = 121,260.
        var estimate = Value(VehicleValueClass.NewEnergy, 250_000m, 36, 20_000);

        Assert.Equal(1.032m, estimate.MileageFactor);
        Assert.Equal(121_260m, estimate.Value);
        Assert.True(estimate.Value < Value(VehicleValueClass.Conventional, 250_000m, 36, 20_000).Value);
    }

    [Fact]
    public void Commercial_vehicles_expect_more_kilometres()
    {
        // 12 months: 0.78; 50,000 km against 40,000: 1 − 0.01 = 0.99. 100,000 × 0.78 × 0.99 = 77,220.
        Assert.Equal(77_220m, Value(VehicleValueClass.Commercial, 100_000m, 12, 50_000).Value);
    }

    [Fact]
    public void The_mileage_factor_is_bounded_and_the_value_never_falls_below_the_floor()
    {
        Assert.Equal(1.05m, Value(VehicleValueClass.Conventional, 100_000m, 24, 0).MileageFactor);

        // 150 months: 0.15 (flat after 120); 400,000 km against 150,000: 1 − 0.02 × 25 → bounded at 0.60; 0.09 < 0.10 floor.
        var worn = Value(VehicleValueClass.NewEnergy, 180_000m, 150, 400_000);
        Assert.Equal(0.60m, worn.MileageFactor);
        Assert.True(worn.AtFloor);
        Assert.Equal(18_000m, worn.Value);
    }

    [Fact]
    public void Age_counts_whole_months_as_due_dates_do() =>
        Assert.Equal(1, VehicleValuation.Estimate(VehicleValueClass.Hybrid, 100_000m, new DateOnly(2026, 1, 31), 0, new DateOnly(2026, 2, 28), Currency.Cny).AgeMonths);

    [Fact]
    public void Loan_to_value_is_outstanding_principal_over_current_value()
    {
        var estimate = Value(VehicleValueClass.Conventional, 200_000m, 24, 30_000);

        Assert.Equal(0.8571m, LoanToValue.Of(120_000m, estimate)); // 120,000 / 140,000 = 0.857142…
        Assert.Equal(1.25m, LoanToValue.Of(175_000m, 140_000m));
        Assert.Equal(0m, LoanToValue.Of(0m, 140_000m));
        Assert.Throws<ArgumentOutOfRangeException>(() => LoanToValue.Of(1m, 0m));
    }

    [Fact]
    public void Curves_and_tables_are_validated_and_configurable()
    {
        Assert.Throws<ArgumentException>(() => DepreciationCurve.Of((0, 0.9m), (12, 0.8m)));
        Assert.Throws<ArgumentException>(() => DepreciationCurve.Of((0, 1m), (12, 0.8m), (12, 0.7m)));
        Assert.Throws<ArgumentException>(() => DepreciationCurve.Of((0, 1m), (12, 0.8m), (24, 0.9m)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DepreciationTable.Default.WithFloor(0m));

        var flat = DepreciationTable.Default.WithCurve(VehicleValueClass.Hybrid, DepreciationCurve.Of((0, 1m), (12, 0.5m))).WithFloor(0.6m);
        var estimate = VehicleValuation.Estimate(VehicleValueClass.Hybrid, 100_000m, AsOf.AddMonths(-12), 15_000, AsOf, Currency.Cny, flat);
        Assert.Equal(60_000m, estimate.Value);
        Assert.True(estimate.AtFloor);
    }

    [Fact]
    public void Classes_map_from_origination_and_parse_by_name()
    {
        Assert.Equal(VehicleValueClass.NewEnergy, VehicleValueClasses.Of(VehicleEnergy.NewEnergy));
        Assert.Equal(VehicleValueClass.Conventional, VehicleValueClasses.Of(VehicleEnergy.Conventional));
        foreach (var valueClass in Enum.GetValues<VehicleValueClass>())
        {
            Assert.Equal(valueClass, VehicleValueClasses.Parse(valueClass.ToName()));
        }
    }
}
