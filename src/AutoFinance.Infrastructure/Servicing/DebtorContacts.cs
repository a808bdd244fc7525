using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// Who to call about a loan: the debtor's name and mobile, masked by role. Staff who work collections see the name
/// and the mobile as 138****1234; collectors, managers and admins may reveal the whole number, one loan at a time,
/// and each reveal is audited (who, which loan, which field — never the number itself).
/// </summary>
public sealed class DebtorContacts(AutoFinanceDbContext db, IPersonalDataProtector protector, TimeProvider time)
{
    public sealed record DebtorView(Guid LoanId, Guid CustomerId, string Name, string Mobile, bool MobileMasked, bool MayReveal);

    /// <summary>The roles that may see a debtor's whole mobile number (with an audit entry).</summary>
    public static bool MayReveal(Actor actor) => actor?.Role is Roles.Collector or Roles.Manager or Roles.Admin;

    /// <summary>The debtor as the actor may see them unasked: the mobile masked; null when the loan is unknown or the actor is not staff.</summary>
    public async Task<DebtorView?> MaskedAsync(Actor actor, Guid loanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (name, mobile, customerId) = await ReadAsync(actor, loanId, ct).ConfigureAwait(false);
        return name is null ? null : new DebtorView(loanId, customerId, name, MobileNumber.Mask(mobile!), true, MayReveal(actor));
    }

    /// <summary>The whole mobile number, audited; not found for an unknown loan, and for an actor who may not reveal it.</summary>
    public async Task<Application.Common.CommandResult<DebtorView>> RevealAsync(Actor actor, Guid loanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (name, mobile, customerId) = await ReadAsync(actor, loanId, ct).ConfigureAwait(false);
        if (name is null || !MayReveal(actor))
        {
            return Application.Common.CommandResult<DebtorView>.NotFound();
        }

        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "collections.mobile-revealed", "loan", loanId.ToString(), new { Field = "mobile", Customer = customerId })], time.GetUtcNow(), ct).ConfigureAwait(false);
        return Application.Common.CommandResult<DebtorView>.Ok(new DebtorView(loanId, customerId, name, mobile!, false, true));
    }

    private async Task<(string? Name, string? Mobile, Guid CustomerId)> ReadAsync(Actor actor, Guid loanId, CancellationToken ct)
    {
        if (!actor.IsStaff)
        {
            return (null, null, Guid.Empty);
        }

        var customer = await (from l in db.Loans.AsNoTracking()
                              join c in db.Customers.AsNoTracking() on l.CustomerId equals c.Id
                              where l.Id == loanId
                              select new { c.Id, c.FullNameCipher, c.MobileCipher }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return customer is null ? (null, null, Guid.Empty) : (protector.Unprotect(customer.FullNameCipher), protector.Unprotect(customer.MobileCipher), customer.Id);
    }
}
