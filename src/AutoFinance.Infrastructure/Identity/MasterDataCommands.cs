using AutoFinance.Application.Security;
using AutoFinance.Application.Verification;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Verification;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Verification;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Identity;

/// <summary>
/// The only two ways a customer's master data (name, mobile) changes — an application never changes it: the customer
/// themselves, proving the new mobile with a contact-change code; or staff, with a reason. Each change is audited
/// with the fields changed and never their values.
/// </summary>
public sealed class MasterDataCommands(AutoFinanceDbContext db, IOneTimeCodes codes, ILookupHasher hasher, IPersonalDataProtector protector, AccountNames names, TimeProvider time)
{
    public sealed record MobileInput(string? Mobile, string? Code);

    public sealed record StaffChangeInput(string? FullName, string? Mobile, string? Reason);

    public sealed record Changed(Guid CustomerId, IReadOnlyList<string> Fields);

    /// <summary>Texts a contact-change code to the new mobile the customer wants on file.</summary>
    public async Task<CommandResult<CodeSendResult>> RequestMobileCodeAsync(Actor actor, string? mobile, string? clientAddress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (MobileNumber.Normalize(mobile) is not { } normalized)
        {
            return CommandResult<CodeSendResult>.Invalid("mobile", "is a mobile number: 11 digits starting 13–19");
        }

        return actor.CustomerId is null
            ? CommandResult<CodeSendResult>.Conflict("no customer record yet: it is made with your first application", "customer.none")
            : CommandResult<CodeSendResult>.Ok(await codes.SendAsync(CodePurpose.ContactChange, normalized, clientAddress, ct).ConfigureAwait(false));
    }

    /// <summary>The customer's new mobile, proved with the code sent to it: the record and the sign-in name change together.</summary>
    public async Task<CommandResult<Changed>> ChangeOwnMobileAsync(Actor actor, MobileInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (MobileNumber.Normalize(input.Mobile) is not { } mobile)
        {
            return CommandResult<Changed>.Invalid("mobile", "is a mobile number: 11 digits starting 13–19");
        }

        if (actor.CustomerId is not { } customerId || actor.UserId is not { } userId)
        {
            return CommandResult<Changed>.Conflict("no customer record yet: it is made with your first application", "customer.none");
        }

        var check = await codes.VerifyCountingAsync(CodePurpose.ContactChange, mobile, input.Code, ct).ConfigureAwait(false);
        if (check.Check != CodeCheck.Verified)
        {
            return CommandResult<Changed>.Invalid([CodeProblem.ForHolder("code", check)]);
        }

        var customer = await db.Customers.FirstAsync(c => c.Id == customerId, ct).ConfigureAwait(false);
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct).ConfigureAwait(false);
        customer.MobileCipher = protector.Protect(mobile);
        customer.MobileHash = hasher.Hash("mobile", mobile);
        user.UserNameHash = names.LookupHash(mobile);
        user.UserNameCipher = protector.Protect(mobile);
        try
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "customer.master-data-changed", "customer", customerId.ToString(), new { Fields = new[] { "mobile" }, By = "customer", Proof = "contact-change code" })], time.GetUtcNow(), ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return CommandResult<Changed>.Conflict("this mobile signs in to another account", "mobile.taken");
        }

        return CommandResult<Changed>.Ok(new Changed(customerId, ["mobile"]));
    }

    /// <summary>Staff correct a customer's name or mobile, always with a reason.</summary>
    public async Task<CommandResult<Changed>> ChangeByStaffAsync(Actor actor, Guid customerId, StaffChangeInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<Domain.Validation.FieldError>();
        var mobile = input.Mobile is null ? null : MobileNumber.Normalize(input.Mobile);
        if (input.Mobile is not null && mobile is null)
        {
            errors.Add(new("mobile", "is a mobile number: 11 digits starting 13–19"));
        }

        var name = input.FullName?.Trim();
        if (input.FullName is not null && name is not { Length: >= 2 and <= 60 })
        {
            errors.Add(new("fullName", "must be 2 to 60 characters"));
        }

        if (input.FullName is null && input.Mobile is null)
        {
            errors.Add(new("fullName", "give the new name or the new mobile (or both)"));
        }

        if (input.Reason?.Trim() is not { Length: >= 5 and <= 500 })
        {
            errors.Add(new("reason", "is required: why the record changes (5 to 500 characters)"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<Changed>.Invalid(errors);
        }

        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct).ConfigureAwait(false);
        if (customer is null)
        {
            return CommandResult<Changed>.NotFound();
        }

        var fields = new List<string>(2);
        if (name is not null)
        {
            customer.FullNameCipher = protector.Protect(name);
            customer.FullNameHash = hasher.Hash("name", name.Normalize().ToUpperInvariant());
            fields.Add("fullName");
        }

        if (mobile is not null)
        {
            customer.MobileCipher = protector.Protect(mobile);
            customer.MobileHash = hasher.Hash("mobile", mobile);
            fields.Add("mobile");
        }

        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "customer.master-data-changed", "customer", customerId.ToString(), new { Fields = fields, By = actor.Role, Reason = input.Reason!.Trim() })], time.GetUtcNow(), ct).ConfigureAwait(false);
        return CommandResult<Changed>.Ok(new Changed(customerId, fields));
    }
}
