using AutoFinance.Domain.Documents;
using AutoFinance.Domain.Origination.Lifecycle;

namespace AutoFinance.Domain.Tests.Documents;

/// <summary>Which documents an application takes: all of them until the payout, after it only the registration certificate, nothing once declined.</summary>
public sealed class DocumentIntakeTests
{
    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Referred)]
    [InlineData(ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Accepted)]
    public void Every_kind_is_taken_until_the_loan_is_paid_out(ApplicationStatus status) =>
        Assert.Equal(DocumentKindNames.All, DocumentIntake.Taken(status));

    [Fact]
    public void After_the_payout_only_the_registration_certificate_is_taken()
    {
        Assert.Equal([DocumentKind.RegistrationCertificate], DocumentIntake.Taken(ApplicationStatus.Disbursed));
        Assert.False(DocumentIntake.Takes(ApplicationStatus.Disbursed, DocumentKind.IncomeProof));
        Assert.False(DocumentIntake.Takes(ApplicationStatus.Disbursed, DocumentKind.VehicleInvoice));
        Assert.True(DocumentIntake.Takes(ApplicationStatus.Accepted, DocumentKind.IncomeProof));
    }

    [Fact]
    public void A_declined_application_takes_nothing()
    {
        Assert.Empty(DocumentIntake.Taken(ApplicationStatus.Declined));
        Assert.Null(DocumentIntake.StageOf(ApplicationStatus.Declined));
    }

    [Fact]
    public void Every_kind_has_its_last_stage() =>
        Assert.All(DocumentKindNames.All, k => Assert.True(Enum.IsDefined(DocumentIntake.TakenUntil(k))));
}
