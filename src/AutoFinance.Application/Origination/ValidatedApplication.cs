using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Application.Origination;

/// <summary>An application that passed validation at the edge: every field present, typed and normalised.</summary>
public sealed record ValidatedApplication
{
    public required string Channel { get; init; }

    public required string ProductCode { get; init; }

    public required string Language { get; init; }

    public required string FullName { get; init; }

    public required string NationalId { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    public required string Mobile { get; init; }

    public string? Email { get; init; }

    public required string EmploymentType { get; init; }

    public string? EmployerName { get; init; }

    public required decimal YearsEmployed { get; init; }

    public required decimal MonthlyIncome { get; init; }

    public required decimal MonthlyDebtPayments { get; init; }

    /// <summary>
    /// What the applicant declared, kept when the credit report's larger monthly obligations replaced it in
    /// <see cref="MonthlyDebtPayments"/> for the decision; null when the declared figure stands.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public decimal? DeclaredMonthlyDebtPayments { get; init; }

    public required string Housing { get; init; }

    public required decimal YearsAtAddress { get; init; }

    /// <summary>The version of the credit-report authorisation text the applicant agreed to.</summary>
    public required string CreditCheckTextVersion { get; init; }

    public required string Vin { get; init; }

    public required VehicleCondition Condition { get; init; }

    public required VehicleEnergy Energy { get; init; }

    public required string Make { get; init; }

    public required string Model { get; init; }

    public required int VehicleYear { get; init; }

    public required int MileageKm { get; init; }

    public required decimal VehiclePrice { get; init; }

    public required decimal DownPayment { get; init; }

    public required int TermMonths { get; init; }

    public required RepaymentMethod Method { get; init; }

    public required decimal BalloonFraction { get; init; }

    public string? DeviceId { get; init; }

    public FinancingRequest ToFinancingRequest(DateOnly applicationDate) => new()
    {
        VehiclePrice = VehiclePrice,
        DownPayment = DownPayment,
        TermMonths = TermMonths,
        Method = Method,
        BalloonFraction = BalloonFraction,
        Condition = Condition,
        Energy = Energy,
        Make = Make,
        Model = Model,
        VehicleYear = VehicleYear,
        BirthDate = DateOfBirth,
        MonthlyIncome = MonthlyIncome,
        MonthlyDebtPayments = MonthlyDebtPayments,
        ApplicationDate = applicationDate,
    };
}
