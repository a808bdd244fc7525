using AutoFinance.Domain.Documents;

namespace AutoFinance.Domain.Tests.Documents;

public sealed class FileContentTypeTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, "image/png")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46 }, null)]
    public void The_type_is_told_by_the_first_bytes(byte[] content, string? expected) =>
        Assert.Equal(expected, FileContentType.Sniff(content));

    [Fact]
    public void A_rejected_document_is_missing_again_and_a_registration_certificate_stands_for_the_invoice()
    {
        IReadOnlyList<DocumentKind> required = [DocumentKind.IdCardFront, DocumentKind.VehicleInvoice, DocumentKind.IncomeProof];

        var missing = DocumentChecklist.Missing(required, [(DocumentKind.IdCardFront, DocumentStatus.Rejected), (DocumentKind.RegistrationCertificate, DocumentStatus.Pending), (DocumentKind.IncomeProof, DocumentStatus.Accepted)]);

        Assert.Equal([DocumentKind.IdCardFront], missing);
    }
}
