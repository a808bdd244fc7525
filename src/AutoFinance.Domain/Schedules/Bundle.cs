namespace AutoFinance.Domain.Schedules;

/// <summary>
/// An optional product sold with the loan (insurance, extended warranty, maintenance). Always optional and priced
/// separately: either financed (added to the principal) or paid separately at signing (outside the loan).
/// </summary>
public sealed record Bundle(string Name, decimal Price, bool Financed);
