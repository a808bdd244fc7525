using AutoFinance.Domain.Documents;

namespace AutoFinance.Domain.Origination.Funding;

/// <summary>What staff recorded on a contract before funding, and the application's documents as they stand.</summary>
public sealed record FundingFacts(
    IReadOnlyList<(DocumentKind Kind, DocumentStatus Status)> Documents,
    string? InsurancePolicyNumber,
    string? Insurer,
    string? MortgageRegistrationNumber,
    DateOnly? MortgageRegisteredOn,
    string? GpsDeviceId);
