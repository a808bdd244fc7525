namespace AutoFinance.Insight.Offers;

/// <summary>The logistic weights of one product's propensity.</summary>
/// <param name="Intercept">The log-odds of an average customer.</param>
/// <param name="RateSpreadPoints">Per point of rate above the market.</param>
/// <param name="LoanToValue">Per unit of loan-to-value.</param>
/// <param name="DigitalSessions">Per app or web session in the last 3 months.</param>
/// <param name="VehicleAgeYears">Per year of vehicle age.</param>
/// <param name="NearMaturity">When at most 6 instalments are left.</param>
/// <param name="InsuranceDueSoon">When the insurance expires within 30 days.</param>
public sealed record PropensityWeights(
    double Intercept,
    double RateSpreadPoints = 0,
    double LoanToValue = 0,
    double DigitalSessions = 0,
    double VehicleAgeYears = 0,
    double NearMaturity = 0,
    double InsuranceDueSoon = 0);
