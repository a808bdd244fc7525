using AutoFinance.Domain.Documents;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Origination.Funding;

namespace AutoFinance.Domain.Tests.Origination;

/// <summary>The funding checklist a payout waits for, item by item.</summary>
public sealed class FundingChecklistTests
{
    private static readonly (DocumentKind, DocumentStatus)[] AllAccepted =
        [.. ProductPolicy.Default.RequiredDocuments.Select(k => (k, DocumentStatus.Accepted))];

    private static FundingFacts Complete() =>
        new(AllAccepted, "PICC-2026-0001", "PICC", "MR-110105-2026-0001", new DateOnly(2026, 12, 1), "GPS-0001");

    [Fact]
    public void A_complete_file_on_a_new_car_meets_every_item()
    {
        var checks = FundingChecklist.Evaluate(ProductPolicy.Default, VehicleCondition.New, Complete() with { GpsDeviceId = null });
        Assert.Empty(FundingChecklist.Unmet(checks));
        Assert.False(checks.Single(c => c.Item == FundingItem.Gps).Required);
    }

    [Fact]
    public void A_used_car_needs_its_gps_device_by_default()
    {
        var unmet = FundingChecklist.Unmet(FundingChecklist.Evaluate(ProductPolicy.Default, VehicleCondition.Used, Complete() with { GpsDeviceId = " " }));
        var gps = Assert.Single(unmet);
        Assert.Equal("funding.gps", gps.Code);
        Assert.Equal(["gpsDeviceId"], gps.Missing);
    }

    [Theory]
    [InlineData(GpsRequirement.Always, VehicleCondition.New, true)]
    [InlineData(GpsRequirement.Never, VehicleCondition.Used, false)]
    [InlineData(GpsRequirement.UsedCars, VehicleCondition.New, false)]
    public void The_product_says_which_loans_need_a_tracker(GpsRequirement rule, VehicleCondition condition, bool required) =>
        Assert.Equal(required, (ProductPolicy.Default with { Gps = rule }).RequiresGps(condition));

    [Fact]
    public void A_document_awaiting_review_or_rejected_does_not_count_and_is_named()
    {
        var documents = AllAccepted.Where(d => d.Item1 != DocumentKind.IncomeProof && d.Item1 != DocumentKind.DrivingLicence)
            .Append((DocumentKind.IncomeProof, DocumentStatus.Pending)).Append((DocumentKind.DrivingLicence, DocumentStatus.Rejected)).ToArray();
        var unmet = FundingChecklist.Unmet(FundingChecklist.Evaluate(ProductPolicy.Default, VehicleCondition.New, Complete() with { Documents = documents }));
        var item = Assert.Single(unmet);
        Assert.Equal("funding.documents", item.Code);
        Assert.Equal(["driving-licence", "income-proof"], item.Missing);
    }

    [Fact]
    public void A_registration_certificate_stands_in_for_the_vehicle_invoice()
    {
        var documents = AllAccepted.Where(d => d.Item1 != DocumentKind.VehicleInvoice).Append((DocumentKind.RegistrationCertificate, DocumentStatus.Accepted)).ToArray();
        Assert.Empty(FundingChecklist.Unmet(FundingChecklist.Evaluate(ProductPolicy.Default, VehicleCondition.New, Complete() with { Documents = documents })));
    }

    [Fact]
    public void Nothing_recorded_names_every_missing_field_of_every_item()
    {
        var unmet = FundingChecklist.Unmet(FundingChecklist.Evaluate(ProductPolicy.Default, VehicleCondition.Used, new FundingFacts([], null, null, null, null, null)));
        Assert.Equal(["funding.documents", "funding.insurance", "funding.mortgage-registration", "funding.gps"], unmet.Select(c => c.Code));
        Assert.Equal(["insurancePolicyNumber", "insurer"], unmet[1].Missing);
        Assert.Equal(["mortgageRegistrationNumber", "mortgageRegisteredOn"], unmet[2].Missing);
        Assert.Equal(5, unmet[0].Missing.Count);
    }
}
