using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Application.Verification;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Origination.Lifecycle;
using AutoFinance.Domain.Validation;
using AutoFinance.Domain.Verification;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Verification;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>
/// The customer signs a contract with a one-time code: accepting an offer starts by texting a contract-signing code to
/// the customer's mobile on file (never a number typed with the request, so a dealer's desk signs only with what the
/// customer reads out from their own phone), bound to that offer; the contract is issued only with that code.
/// </summary>
public sealed class ContractSigningCodes(AutoFinanceDbContext db, IOneTimeCodes codes, IPersonalDataProtector protector) : IContractSigningConfirmation
{
    /// <summary>What a request for a signing code came to, with the masked number it went to.</summary>
    public sealed record Sent(CodeSendResult Result, string MaskedMobile);

    /// <summary>Texts a code to sign the offer to the customer behind the application, when the actor may accept it now.</summary>
    public async Task<CommandResult<Sent>> RequestCodeAsync(Actor actor, Guid applicationId, Guid offerId, string? clientAddress, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct).ConfigureAwait(false);
        if (application is null || !ApplicationAccess.CanRead(actor, application)
            || !await db.Offers.AsNoTracking().AnyAsync(o => o.Id == offerId && o.ApplicationId == applicationId, ct).ConfigureAwait(false))
        {
            return CommandResult<Sent>.NotFound();
        }

        if (!ApplicationAccess.CanAccept(actor, application))
        {
            return CommandResult<Sent>.Conflict("only the customer or the dealer behind the application accepts an offer", "offer.not-yours");
        }

        if (await db.Contracts.AsNoTracking().AnyAsync(c => c.ApplicationId == applicationId, ct).ConfigureAwait(false))
        {
            return CommandResult<Sent>.Conflict("an offer of this application was already accepted", "offer.other-accepted");
        }

        if (!ApplicationLifecycle.Allows(application.Status, ApplicationStatus.Accepted))
        {
            return CommandResult<Sent>.Conflict($"the application is {LifecycleText.Of(application.Status)}; only an approved application's offer can be accepted", "offer.not-approved");
        }

        var mobile = await MobileAsync(application.CustomerId, ct).ConfigureAwait(false);
        var sent = await codes.SendAsync(CodePurpose.ContractSigning, mobile, clientAddress, ct, subject: Subject(offerId), language: application.Language).ConfigureAwait(false);
        return CommandResult<Sent>.Ok(new Sent(sent, MobileNumber.Mask(mobile)));
    }

    public async Task<FieldError?> ProblemAsync(Guid customerId, Guid offerId, CustomerSignature signature, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature is CustomerSignature.SeededDemo)
        {
            return null;
        }

        var typed = ((CustomerSignature.TextedCode)signature).Code;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return FieldProblems.Required("code", "is required: the code texted to the customer's mobile to sign this contract");
        }

        var check = await codes.VerifyCountingAsync(CodePurpose.ContractSigning, await MobileAsync(customerId, ct).ConfigureAwait(false), typed.Trim(), ct, Subject(offerId)).ConfigureAwait(false);
        return check.Check == CodeCheck.Verified ? null : CodeProblem.ForHolder("code", check);
    }

    private static string Subject(Guid offerId) => "offer:" + offerId.ToString("N");

    private async Task<string> MobileAsync(Guid customerId, CancellationToken ct) =>
        protector.Unprotect(await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.MobileCipher).FirstAsync(ct).ConfigureAwait(false));
}
