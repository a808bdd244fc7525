using System.Globalization;
using AutoFinance.Application.Common;
using AutoFinance.Application.Payments;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Domain.Origination.Lifecycle;
using AutoFinance.Domain.Lifecycle;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// Disbursement as money really moves: a signed contract whose funding checklist is complete is paid to its dealer's
/// verified settlement account — instructed through the payment provider, or written into a pain.001 credit-transfer
/// file for the bank — and waits, payout pending. The loan is booked only when the payout is confirmed
/// (<see cref="PayoutConfirmations"/>). A booked loan whose payout the dealer's bank sent back
/// (<see cref="PayoutReturns"/>) is paid to the dealer again the same way, to the account verified now, and is not
/// booked again.
/// </summary>
public sealed class DealerPayouts(
    AutoFinanceDbContext db, FundingDesk funding, SettlementAccounts accounts, PayoutConfirmations confirmations, IPaymentProvider provider, IPlatformAddress platform,
    TimeProvider time)
{
    public const string ProviderChannel = "provider";
    public const string FileChannel = "file";
    public const string ChecklistIncomplete = "funding.checklist-incomplete";

    /// <summary>
    /// Pays a signed contract out, if its checklist is complete and its dealer has a verified account. A repeat with
    /// the same Idempotency-Key answers the contract as it now stands; a contract already booked answers its loan, and
    /// pays its dealer again when their bank sent the payout back.
    /// </summary>
    public async Task<CommandResult<ContractView>> InstructAsync(Actor actor, Guid contractId, string? channel, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (idempotencyKey is { Length: > 0 }
            && await db.Set<PayoutRow>().AsNoTracking().FirstOrDefaultAsync(p => p.CreatedBy == actor.AuditName && p.IdempotencyKey == idempotencyKey, ct).ConfigureAwait(false) is { } earlier)
        {
            return earlier.ContractId == contractId
                ? CommandResult<ContractView>.Ok(await ContractViewAsync(contractId, ct).ConfigureAwait(false))
                : CommandResult<ContractView>.Unprocessable("Idempotency-Key", "was already used for another request; use a new key for a new payout", "idempotency.key.reused");
        }

        channel = string.IsNullOrWhiteSpace(channel) ? ProviderChannel : channel.Trim().ToLowerInvariant();
        if (channel is not (ProviderChannel or FileChannel))
        {
            return CommandResult<ContractView>.Invalid("channel", "must be provider or file", "field.one-of", FieldProblems.Figures(("values", "provider, file")));
        }

        var contract = await db.Contracts.FirstOrDefaultAsync(c => c.Id == contractId, ct).ConfigureAwait(false);
        if (contract is null)
        {
            return CommandResult<ContractView>.NotFound();
        }

        if (contract.Status == ContractStatus.Booked)
        {
            return await PayAgainAsync(actor, contract, channel, idempotencyKey, ct).ConfigureAwait(false);
        }

        if (contract.Status == ContractStatus.PayoutPending)
        {
            return CommandResult<ContractView>.Conflict("the contract's payout is waiting for confirmation", "contract.payout-pending", FieldProblems.Figures(("status", LifecycleText.Of(contract.Status))));
        }

        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == contract.ApplicationId, ct).ConfigureAwait(false);
        var facts = await db.Set<ContractFundingRow>().AsNoTracking().FirstOrDefaultAsync(f => f.ContractId == contractId, ct).ConfigureAwait(false);
        var unmet = FundingChecklist.Unmet(await funding.ChecklistAsync(application, facts, ct).ConfigureAwait(false));
        if (unmet.Count > 0)
        {
            var errors = unmet.Select(c => new FieldError(c.Code, $"not met: {string.Join(", ", c.Missing)}", c.Code, FieldProblems.Figures(("missing", string.Join(", ", c.Missing))))).ToList();
            return new CommandResult<ContractView>(default, CommandFailure.Unprocessable, $"the funding checklist is not complete: {string.Join(", ", unmet.Select(c => c.Code))}", "checklist")
            {
                Code = ChecklistIncomplete,
                Errors = errors,
                Parameters = FieldProblems.Figures(("unmet", string.Join(", ", unmet.Select(c => c.Code)))),
            };
        }

        var payee = await accounts.PayeeAsync(application.DealerId, ct).ConfigureAwait(false);
        if (payee is null)
        {
            return CommandResult<ContractView>.Conflict("the dealer has no verified settlement account to pay into", "payout.no-settlement-account");
        }

        var offer = await db.Offers.AsNoTracking().FirstAsync(o => o.Id == contract.OfferId, ct).ConfigureAwait(false);
        var payout = await NewPayoutAsync(actor, contract, application.DealerId, (offer.Principal, offer.Currency), payee, channel, idempotencyKey, ct).ConfigureAwait(false);
        contract.Status = ContractStatus.PayoutPending;
        contract.Version++;
        if (!await SaveInstructedAsync(actor, payout, ct).ConfigureAwait(false))
        {
            return CommandResult<ContractView>.Conflict("the contract changed meanwhile; reload it", "record.changed");
        }

        return await SendAsync(payout, payee, contractId, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A booked contract: its dealer is paid again when their bank sent the last payout back (the amount it carried,
    /// to the account verified now, the loan left as booked); otherwise it answers the contract and its loan.
    /// </summary>
    private async Task<CommandResult<ContractView>> PayAgainAsync(Actor actor, ContractRow contract, string channel, string? idempotencyKey, CancellationToken ct)
    {
        var payouts = await db.Set<PayoutRow>().AsNoTracking().Where(p => p.ContractId == contract.Id).OrderByDescending(p => p.CreatedAt).ToListAsync(ct).ConfigureAwait(false);
        if (!DealerRepayment.Due(payouts.Select(p => (p.Purpose, p.Status))))
        {
            return CommandResult<ContractView>.Ok(await ContractViewAsync(contract.Id, ct).ConfigureAwait(false));
        }

        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == contract.ApplicationId, ct).ConfigureAwait(false);
        var payee = await accounts.PayeeAsync(application.DealerId, ct).ConfigureAwait(false);
        if (payee is null)
        {
            return CommandResult<ContractView>.Conflict("the dealer has no verified settlement account to pay into", "payout.no-settlement-account");
        }

        var owed = payouts.First(p => p.Purpose != PayoutPurpose.Refund);
        var payout = await NewPayoutAsync(actor, contract, application.DealerId, (owed.Amount, owed.Currency), payee, channel, idempotencyKey, ct).ConfigureAwait(false);
        payout.Purpose = PayoutPurpose.Redisbursement;
        payout.LoanId = owed.LoanId;
        // The contract stays booked; its version makes two people paying the dealer again at once pay once.
        contract.Version++;
        if (!await SaveInstructedAsync(actor, payout, ct).ConfigureAwait(false))
        {
            return CommandResult<ContractView>.Conflict("the contract changed meanwhile; reload it", "record.changed");
        }

        return await SendAsync(payout, payee, contract.Id, ct).ConfigureAwait(false);
    }

    /// <summary>A new pending payout of the contract to its dealer's verified account, added to the context (not saved).</summary>
    private async Task<PayoutRow> NewPayoutAsync(
        Actor actor, ContractRow contract, Guid? dealerId, (decimal Amount, string Currency) money, SettlementAccounts.Payee payee, string channel, string? idempotencyKey,
        CancellationToken ct)
    {
        var attempt = await db.Set<PayoutRow>().CountAsync(p => p.ContractId == contract.Id, ct).ConfigureAwait(false) + 1;
        var now = time.GetUtcNow();
        var payout = new PayoutRow
        {
            Id = Guid.CreateVersion7(now),
            Reference = string.Create(CultureInfo.InvariantCulture, $"PO{contract.Reference[2..]}-{attempt}"),
            ContractId = contract.Id,
            DealerId = dealerId,
            Amount = money.Amount,
            Currency = money.Currency,
            PayeeName = payee.Name,
            PayeeBank = payee.Bank,
            AccountNumberCipher = payee.AccountNumberCipher,
            AccountNumberMasked = payee.AccountNumberMasked,
            Channel = channel,
            Provider = channel == ProviderChannel ? provider.Name : null,
            CreatedBy = actor.AuditName,
            IdempotencyKey = idempotencyKey is { Length: > 0 } ? idempotencyKey : null,
            CreatedAt = now,
        };
        db.Add(payout);
        return payout;
    }

    /// <summary>Stores the new payout with the contract's change and its audit entry; false when the contract changed meanwhile.</summary>
    private async Task<bool> SaveInstructedAsync(Actor actor, PayoutRow payout, CancellationToken ct)
    {
        try
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "payout.instructed", "contract", payout.ContractId.ToString(),
                new { payout.Id, payout.Reference, payout.Amount, payout.Channel, payout.AccountNumberMasked, Purpose = StateWords<PayoutPurpose>.Of(payout.Purpose) })], payout.CreatedAt, ct).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Instructs a provider payout at the provider (a file's waits for the next bank file) and answers the contract.</summary>
    private async Task<CommandResult<ContractView>> SendAsync(PayoutRow payout, SettlementAccounts.Payee payee, Guid contractId, CancellationToken ct)
    {
        if (payout.Channel == ProviderChannel)
        {
            await confirmations.InstructAtProviderAsync(provider, Payments.PaymentIntents.CallbackAddress(platform, provider.Name), payout, payee.AccountNumber, again: false, ct).ConfigureAwait(false);
        }

        return CommandResult<ContractView>.Ok(await ContractViewAsync(contractId, ct).ConfigureAwait(false));
    }

    /// <summary>A page of payouts in a status (or all), newest first, with the total.</summary>
    public async Task<(IReadOnlyList<PayoutView> Items, int Total)> PageAsync(PayoutStatus? status, int page, int size, CancellationToken ct)
    {
        var rows = db.Set<PayoutRow>().AsNoTracking().Where(p => status == null || p.Status == status);
        var total = await rows.CountAsync(ct).ConfigureAwait(false);
        var items = await rows.OrderByDescending(p => p.CreatedAt).Skip(Math.Max(0, page - 1) * size).Take(size).ToListAsync(ct).ConfigureAwait(false);
        // Each dealer payout with its application, where staff act on it (pay a returned one again, say).
        var contracts = items.Where(p => p.Purpose != PayoutPurpose.Refund).Select(p => p.ContractId).Distinct().ToList();
        var applications = await db.Contracts.AsNoTracking().Where(c => contracts.Contains(c.Id)).Select(c => new { c.Id, c.ApplicationId })
            .ToDictionaryAsync(c => c.Id, c => c.ApplicationId, ct).ConfigureAwait(false);
        return ([.. items.Select(p => PayoutView.Of(p) with { ApplicationId = p.Purpose != PayoutPurpose.Refund && applications.TryGetValue(p.ContractId, out var application) ? application : null })], total);
    }

    /// <summary>The contract as the disbursement answers it: its status, the loan once booked, the latest payout.</summary>
    public async Task<ContractView> ContractViewAsync(Guid contractId, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().FirstAsync(c => c.Id == contractId, ct).ConfigureAwait(false);
        var latest = await db.Set<PayoutRow>().AsNoTracking().Where(p => p.ContractId == contractId).OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var loanId = await db.Loans.AsNoTracking().Where(l => l.ContractId == contractId).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return new ContractView(contract.Id, contract.Reference, contract.OfferId, LifecycleText.Of(contract.Status), contract.AcceptedAt, contract.DisbursedAt, contract.DisclosureHash)
        {
            DocumentSha256 = contract.DocumentSha256,
            LoanId = loanId,
            Payout = latest is null ? null : PayoutView.Of(latest),
        };
    }
}
