using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Documents;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Contracts;

/// <summary>
/// The signed contract PDF: set from the accepted offer and the application, sealed with the platform's PAdES
/// signature, kept encrypted in the file store under its SHA-256 (which the contract row and the audit log hold),
/// and read back for the customer, the dealer behind it and staff.
/// </summary>
public sealed class SignedContracts(
    AutoFinanceDbContext db,
    IPersonalDataProtector protector,
    EncryptedFileStore files,
    ContractSigner signer,
    ContractOptions options,
    Origination.ProductCatalog catalog)
{
    /// <summary>Sets and seals the contract of an offer being accepted; answers the stored PDF's SHA-256.</summary>
    public async Task<string> IssueAsync(ContractRow contract, ApplicationRow application, OfferRow offer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(offer);
        var request = Json.Deserialize<ValidatedApplication>(protector.Unprotect(application.RequestCipher))!;
        var dealer = application.DealerId is { } dealerId
            ? await db.Dealers.AsNoTracking().Where(d => d.Id == dealerId).Select(d => d.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            : null;
        var document = new ContractDocument(
            contract.Reference,
            application.Reference,
            contract.AcceptedAt,
            options.LenderName,
            request.FullName,
            request.NationalId,
            request.Mobile,
            dealer,
            $"{request.VehicleYear} {request.Make} {request.Model}",
            request.Vin,
            request.VehiclePrice,
            offer.DownPayment,
            offer.PromotionName,
            await OfferDisclosure.BuildAsync(db, catalog, application.ProductCode, offer, ct).ConfigureAwait(false),
            contract.DisclosureHash,
            contract.DisclosureVersion);
        var pdf = signer.Sign(document);
        return await files.PutAsync(pdf, ct).ConfigureAwait(false);
    }

    /// <summary>The signed PDF of a contract the actor may read (null: no such contract for them, or none issued).</summary>
    public async Task<SignedContractFile?> ReadAsync(Actor actor, Guid contractId, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, ct).ConfigureAwait(false);
        if (contract?.DocumentSha256 is not { } address)
        {
            return null;
        }

        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == contract.ApplicationId, ct).ConfigureAwait(false);
        if (!ApplicationAccess.CanRead(actor, application))
        {
            return null;
        }

        var bytes = await files.GetAsync(address, ct).ConfigureAwait(false);
        return bytes is null ? null : new SignedContractFile(contract.Reference, address, bytes);
    }
}

public sealed record SignedContractFile(string Reference, string Sha256, byte[] Pdf);
