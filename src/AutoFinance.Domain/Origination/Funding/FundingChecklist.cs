using AutoFinance.Domain.Documents;

namespace AutoFinance.Domain.Origination.Funding;

/// <summary>
/// The funding checklist of a contract, item by item, from its product's policy and the facts recorded:
/// <list type="bullet">
/// <item>documents: every kind the product requires has an upload a reviewer accepted (one awaiting review does not
/// count here, unlike the applicant's checklist; a registration certificate stands in for a vehicle invoice);</item>
/// <item>insurance: a policy number and the insurer;</item>
/// <item>mortgage registration (抵押登记): the registration number and the date registered;</item>
/// <item>GPS: a device id, when the product requires a tracker for the vehicle's condition (otherwise not required
/// and shown as such).</item>
/// </list>
/// Text is trimmed; blank is missing.
/// </summary>
public static class FundingChecklist
{
    public static IReadOnlyList<FundingCheck> Evaluate(ProductPolicy policy, VehicleCondition condition, FundingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(facts);
        var accepted = facts.Documents.Where(d => d.Status == DocumentStatus.Accepted).Select(d => d.Kind).ToHashSet();
        if (accepted.Contains(DocumentKind.RegistrationCertificate))
        {
            accepted.Add(DocumentKind.VehicleInvoice);
        }

        var documents = policy.RequiredDocuments.Where(k => !accepted.Contains(k)).Select(k => k.ToName()).ToList();
        var insurance = MissingOf(("insurancePolicyNumber", facts.InsurancePolicyNumber), ("insurer", facts.Insurer));
        var mortgage = MissingOf(("mortgageRegistrationNumber", facts.MortgageRegistrationNumber), ("mortgageRegisteredOn", facts.MortgageRegisteredOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var gpsRequired = policy.RequiresGps(condition);
        var gps = MissingOf(("gpsDeviceId", facts.GpsDeviceId));
        return
        [
            new FundingCheck(FundingItem.Documents, true, documents.Count == 0, documents),
            new FundingCheck(FundingItem.Insurance, true, insurance.Count == 0, insurance),
            new FundingCheck(FundingItem.MortgageRegistration, true, mortgage.Count == 0, mortgage),
            new FundingCheck(FundingItem.Gps, gpsRequired, gps.Count == 0, gpsRequired ? gps : []),
        ];
    }

    /// <summary>Every item the payout still waits for.</summary>
    public static IReadOnlyList<FundingCheck> Unmet(IReadOnlyList<FundingCheck> checks) => [.. checks.Where(c => c.Blocks)];

    private static List<string> MissingOf(params (string Field, string? Value)[] fields) =>
        [.. fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => f.Field)];
}
