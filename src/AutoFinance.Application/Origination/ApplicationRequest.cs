namespace AutoFinance.Application.Origination;

/// <summary>
/// A car-loan application as it arrives at <c>POST /api/v1/applications</c>. Every field is optional in the type so
/// that a missing or malformed field is reported by name with all the others, never as a failure to read the body.
/// </summary>
public sealed record ApplicationRequest
{
    /// <summary>online or dealer.</summary>
    public string? Channel { get; init; }

    /// <summary>Informational: a dealer is identified by its key, never by this field.</summary>
    public string? DealerId { get; init; }

    public string? ProductCode { get; init; }

    /// <summary>zh-CN (default) or en: the language of the reasons in the answer.</summary>
    public string? Language { get; init; }

    public ApplicantInput? Applicant { get; init; }

    /// <summary>The applicant's authorisation to pull their credit report: required, recorded with the time and channel.</summary>
    public CreditCheckConsent? CreditCheck { get; init; }

    public VehicleInput? Vehicle { get; init; }

    public decimal? DownPayment { get; init; }

    public int? TermMonths { get; init; }

    public string? RepaymentMethod { get; init; }

    public decimal? BalloonPercent { get; init; }

    /// <summary>A device fingerprint from the app or the dealer's system, for velocity checks.</summary>
    public string? DeviceId { get; init; }
}

public sealed record ApplicantInput
{
    public string? FullName { get; init; }

    public string? NationalId { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public string? Mobile { get; init; }

    public string? Email { get; init; }

    public string? EmploymentType { get; init; }

    public string? EmployerName { get; init; }

    public decimal? YearsEmployed { get; init; }

    public decimal? MonthlyIncome { get; init; }

    public decimal? MonthlyDebtPayments { get; init; }

    public string? Housing { get; init; }

    public decimal? YearsAtAddress { get; init; }
}

/// <summary>The applicant agreed to the credit-report authorisation text of the given version (个人征信查询授权书).</summary>
public sealed record CreditCheckConsent
{
    public bool? Agreed { get; init; }

    public string? TextVersion { get; init; }
}

public sealed record VehicleInput
{
    public string? Vin { get; init; }

    public string? Condition { get; init; }

    public string? Energy { get; init; }

    public string? Make { get; init; }

    public string? Model { get; init; }

    public int? Year { get; init; }

    public int? MileageKm { get; init; }

    public decimal? Price { get; init; }
}
