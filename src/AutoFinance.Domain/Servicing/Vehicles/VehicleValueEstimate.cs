namespace AutoFinance.Domain.Servicing.Vehicles;

/// <summary>A vehicle's estimated value on a date and how it was reached.</summary>
/// <param name="AgeMonths">Whole months since first registration.</param>
/// <param name="Retention">The curve's share of the price new at that age.</param>
/// <param name="MileageFactor">The mileage adjustment applied.</param>
/// <param name="Value">Price new × retention × mileage factor, not below the floor, rounded to the minor unit.</param>
/// <param name="AtFloor">Whether the floor set the value.</param>
public sealed record VehicleValueEstimate(DateOnly AsOf, int AgeMonths, decimal Retention, decimal MileageFactor, decimal Value, bool AtFloor);
