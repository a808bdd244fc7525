namespace AutoFinance.Domain.Documents;

/// <summary>The documents an applicant hands in.</summary>
public enum DocumentKind
{
    IdCardFront,
    IdCardBack,
    DrivingLicence,
    VehicleInvoice,
    RegistrationCertificate,
    IncomeProof,
}

public static class DocumentKindNames
{
    /// <summary>The kinds in the order forms list them.</summary>
    public static IReadOnlyList<DocumentKind> All { get; } = Enum.GetValues<DocumentKind>();

    /// <summary>The kebab-case name the API and the forms use (id-card-front, …).</summary>
    public static string ToName(this DocumentKind kind) => kind switch
    {
        DocumentKind.IdCardFront => "id-card-front",
        DocumentKind.IdCardBack => "id-card-back",
        DocumentKind.DrivingLicence => "driving-licence",
        DocumentKind.VehicleInvoice => "vehicle-invoice",
        DocumentKind.RegistrationCertificate => "registration-certificate",
        DocumentKind.IncomeProof => "income-proof",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static DocumentKind? Parse(string? name) => All.Cast<DocumentKind?>().FirstOrDefault(k => k!.Value.ToName() == name);
}
