using AutoFinance.Domain.Disclosure;

namespace AutoFinance.Infrastructure.Contracts;

/// <summary>
/// Everything the loan contract states: the parties, the vehicle, the terms as disclosed (amount, rates, schedule,
/// fees, late and prepayment terms) and the SHA-256 of the disclosure the customer accepted, which binds the two.
/// </summary>
public sealed record ContractDocument(
    string Reference,
    string ApplicationReference,
    DateTimeOffset AcceptedAt,
    string LenderName,
    string BorrowerName,
    string BorrowerNationalId,
    string BorrowerMobile,
    string? DealerName,
    string Vehicle,
    string Vin,
    decimal VehiclePrice,
    decimal DownPayment,
    string? Promotion,
    LoanDisclosure Disclosure,
    string DisclosureHash,
    string DisclosureVersion);
