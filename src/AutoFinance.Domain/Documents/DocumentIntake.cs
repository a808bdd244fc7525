using AutoFinance.Domain.Origination.Lifecycle;

namespace AutoFinance.Domain.Documents;

/// <summary>
/// Which documents an application takes at its stage, kind by kind.
/// <list type="bullet">
/// <item>ID card, driving licence, vehicle invoice and income proof: until the loan is paid out. They back the
/// decision and the funding checklist wants them accepted before the payout; the decision comes at once, so they are
/// handed in after it. Once the loan is paid out they would change nothing and only blur the file's record.</item>
/// <item>Registration certificate (登记证书): at every stage. A used car's comes with the application; a new car's
/// exists only once the car is registered, with the lender's mortgage noted in it, weeks after the payout.</item>
/// </list>
/// A declined application takes nothing.
/// </summary>
public static class DocumentIntake
{
    /// <summary>The stage of an application as its documents see it; null for a declined one.</summary>
    public static DocumentStage? StageOf(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted or ApplicationStatus.Referred => DocumentStage.BeforeDecision,
        ApplicationStatus.Approved or ApplicationStatus.Accepted => DocumentStage.BeforePayout,
        ApplicationStatus.Disbursed => DocumentStage.AfterPayout,
        _ => null,
    };

    /// <summary>The last stage at which a kind is taken.</summary>
    public static DocumentStage TakenUntil(DocumentKind kind) => kind switch
    {
        DocumentKind.RegistrationCertificate => DocumentStage.AfterPayout,
        DocumentKind.IdCardFront or DocumentKind.IdCardBack or DocumentKind.DrivingLicence or DocumentKind.VehicleInvoice or DocumentKind.IncomeProof => DocumentStage.BeforePayout,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool Takes(ApplicationStatus status, DocumentKind kind) => StageOf(status) is { } stage && stage <= TakenUntil(kind);

    /// <summary>The kinds an application in this status takes, in the order forms list them.</summary>
    public static IReadOnlyList<DocumentKind> Taken(ApplicationStatus status) => [.. DocumentKindNames.All.Where(k => Takes(status, k))];
}

/// <summary>Where an application is, for the documents it takes: stages follow one another in this order.</summary>
public enum DocumentStage
{
    BeforeDecision,
    BeforePayout,
    AfterPayout,
}
