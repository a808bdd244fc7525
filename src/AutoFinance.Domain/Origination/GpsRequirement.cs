namespace AutoFinance.Domain.Origination;

/// <summary>
/// Which of a product's loans need a GPS tracker fitted before the money goes to the dealer. The default fits one to
/// used cars: they are the collateral most often moved or sold on, and a new car's dealer stands behind it with the
/// registration it has just issued.
/// </summary>
public enum GpsRequirement
{
    Never,
    UsedCars,
    Always,
}
