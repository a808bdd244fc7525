namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// The facts staff recorded on a contract before its money goes to the dealer: the vehicle's insurance, the
/// mortgage registration (抵押登记) and the GPS tracker fitted. One row per contract, changed as facts come in.
/// </summary>
public sealed class ContractFundingRow
{
    public Guid ContractId { get; set; }

    public string? InsurancePolicyNumber { get; set; }

    public string? Insurer { get; set; }

    public string? MortgageRegistrationNumber { get; set; }

    public DateOnly? MortgageRegisteredOn { get; set; }

    public string? GpsDeviceId { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public long Version { get; set; }
}
