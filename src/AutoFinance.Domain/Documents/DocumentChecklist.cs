namespace AutoFinance.Domain.Documents;

/// <summary>
/// Which of a product's required documents an application still lacks: a kind is met by an upload that is accepted
/// or awaiting review; a rejected one must be handed in again. A registration certificate stands in for a vehicle
/// invoice (a used car has no new invoice).
/// </summary>
public static class DocumentChecklist
{
    public static IReadOnlyList<DocumentKind> Missing(IReadOnlyList<DocumentKind> required, IEnumerable<(DocumentKind Kind, DocumentStatus Status)> uploaded)
    {
        ArgumentNullException.ThrowIfNull(required);
        var held = uploaded.Where(u => u.Status != DocumentStatus.Rejected).Select(u => u.Kind).ToHashSet();
        if (held.Contains(DocumentKind.RegistrationCertificate))
        {
            held.Add(DocumentKind.VehicleInvoice);
        }

        return required.Where(k => !held.Contains(k)).ToList();
    }
}

public enum DocumentStatus
{
    Pending,
    Accepted,
    Rejected,
}
