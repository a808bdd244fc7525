using System.Globalization;
using AutoFinance.Application.Common;
using AutoFinance.Application.Payments;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// Credit a closed loan still owes its customer (its refund payable) goes back as a payout: to an account in the
/// customer's own name that they gave staff, or, with none given, to the card bound under their direct-debit mandate
/// (the provider holds its number). The payout is instructed through the provider or written into the pain.001 file
/// like a dealer's; only its confirmation posts the refund (<see cref="PayoutConfirmations"/>). What is owed is the
/// ledger's refund payable less refunds already on their way, so a refund is never paid twice.
/// </summary>
public sealed class CustomerRefunds(
    AutoFinanceDbContext db, IPersonalDataProtector protector, PayoutConfirmations confirmations, IPaymentProvider provider, IPlatformAddress platform,
    TimeProvider time)
{
    public sealed record RefundInput(string? Channel, string? AccountNumber, string? Bank);

    /// <summary>A closed loan owing its customer money: what is owed, what is already on its way, and the card it could go back to.</summary>
    public sealed record RefundOwed(Guid LoanId, string LoanReference, Guid CustomerId, string Currency, decimal RefundPayable, decimal Pending, string? CardOnFile)
    {
        public decimal Owed => RefundPayable - Pending;
    }

    /// <summary>Closed loans whose refund payable is not yet all paid out or on its way, largest first, with the total.</summary>
    public async Task<(IReadOnlyList<RefundOwed> Items, int Total)> OwedAsync(int page, int size, CancellationToken ct)
    {
        var owed = await OwedByLoanAsync(null, ct).ConfigureAwait(false);
        var ordered = owed.Where(o => o.Owed > 0m).OrderByDescending(o => o.Owed).ThenBy(o => o.LoanReference, StringComparer.Ordinal).ToList();
        return ([.. ordered.Skip(Math.Max(0, page - 1) * size).Take(size)], ordered.Count);
    }

    /// <summary>Every closed loan whose refund payable is not yet all paid out or on its way, largest first.</summary>
    public async Task<IReadOnlyList<RefundOwed>> AllOwedAsync(CancellationToken ct) =>
        (await OwedAsync(1, int.MaxValue, ct).ConfigureAwait(false)).Items;

    /// <summary>What one loan owes its customer, or null when it is not a closed loan owing anything.</summary>
    public async Task<RefundOwed?> OwedOfAsync(Guid loanId, CancellationToken ct) =>
        (await OwedByLoanAsync(loanId, ct).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>
    /// Pays what a closed loan owes back to its customer. An account given must be the customer's own (the payee is
    /// their name on file); without one the card under their active mandate is used, through the provider only.
    /// </summary>
    public async Task<CommandResult<PayoutView>> InstructAsync(Actor actor, Guid loanId, RefundInput input, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var channel = string.IsNullOrWhiteSpace(input.Channel) ? DealerPayouts.ProviderChannel : input.Channel.Trim().ToLowerInvariant();
        var account = input.AccountNumber is { } given ? new string([.. given.Where(c => !char.IsWhiteSpace(c))]) : null;
        var errors = Validate(channel, account, input.Bank);
        if (errors.Count > 0)
        {
            return CommandResult<PayoutView>.Invalid(errors);
        }

        if (idempotencyKey is { Length: > 0 }
            && await db.Set<PayoutRow>().AsNoTracking().FirstOrDefaultAsync(p => p.CreatedBy == actor.AuditName && p.IdempotencyKey == idempotencyKey, ct).ConfigureAwait(false) is { } earlier)
        {
            // The key is bound to the caller, the endpoint (a refund of this loan) and the whole body: channel, the
            // account itself (not its masked form, which other accounts share) and the bank.
            var same = earlier.Purpose == PayoutPurpose.Refund && earlier.LoanId == loanId && earlier.Channel == channel
                && (account is null
                    ? earlier.MandateReference is not null && input.Bank is null
                    : earlier.MandateReference is null && protector.Unprotect(earlier.AccountNumberCipher) == account && earlier.PayeeBank == input.Bank?.Trim());
            return same
                ? CommandResult<PayoutView>.Ok(PayoutView.Of(earlier))
                : CommandResult<PayoutView>.Unprocessable("Idempotency-Key", "was already used for another request; use a new key for a new refund", "idempotency.key.reused");
        }

        var loan = await db.Loans.AsNoTracking().FirstOrDefaultAsync(l => l.Id == loanId, ct).ConfigureAwait(false);
        if (loan is null)
        {
            return CommandResult<PayoutView>.NotFound();
        }

        var owed = await OwedOfAsync(loanId, ct).ConfigureAwait(false);
        if (owed is null || owed.Owed <= 0m)
        {
            return CommandResult<PayoutView>.Conflict("nothing is owed back to the customer on this loan, or it is already on its way", "refund.nothing-owed",
                FieldProblems.Figures(("pending", (owed?.Pending ?? 0m).ToString(CultureInfo.InvariantCulture))));
        }

        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == loan.CustomerId, ct).ConfigureAwait(false);
        var payeeName = protector.Unprotect(customer.FullNameCipher);
        MandateRow? mandate = null;
        if (account is null)
        {
            mandate = await db.Set<MandateRow>().AsNoTracking().Where(m => m.CustomerId == loan.CustomerId && m.Status == MandateStatus.Active)
                .OrderByDescending(m => m.ConsentedAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (mandate is null)
            {
                return CommandResult<PayoutView>.Conflict("the customer has no bound card to pay back to; give an account in the customer's own name", "refund.no-destination");
            }
        }

        var attempt = await db.Set<PayoutRow>().CountAsync(p => p.LoanId == loanId && p.Purpose == PayoutPurpose.Refund, ct).ConfigureAwait(false) + 1;
        var now = time.GetUtcNow();
        var payout = new PayoutRow
        {
            Id = Guid.CreateVersion7(now),
            Reference = string.Create(CultureInfo.InvariantCulture, $"RF{loan.Reference}-{attempt}"),
            Purpose = PayoutPurpose.Refund,
            ContractId = loan.ContractId,
            LoanId = loanId,
            Amount = owed.Owed,
            Currency = loan.Currency,
            PayeeName = payeeName,
            PayeeBank = mandate?.Bank ?? input.Bank!.Trim(),
            AccountNumberCipher = account is null ? string.Empty : protector.Protect(account),
            AccountNumberMasked = mandate?.MaskedCard ?? SettlementAccounts.Mask(account!),
            MandateReference = mandate?.MandateReference,
            Channel = channel,
            Provider = channel == DealerPayouts.ProviderChannel ? provider.Name : null,
            CreatedBy = actor.AuditName,
            IdempotencyKey = idempotencyKey is { Length: > 0 } ? idempotencyKey : null,
            CreatedAt = now,
        };
        db.Add(payout);
        try
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "refund.instructed", "loan", loanId.ToString(),
                new { payout.Id, payout.Reference, payout.Amount, payout.Channel, payout.AccountNumberMasked })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return CommandResult<PayoutView>.Conflict("another refund of this loan was instructed at the same moment; reload it", "record.changed");
        }

        if (channel == DealerPayouts.ProviderChannel)
        {
            await confirmations.InstructAtProviderAsync(provider, Payments.PaymentIntents.CallbackAddress(platform, provider.Name), payout, account, again: false, ct).ConfigureAwait(false);
        }

        var stored = await db.Set<PayoutRow>().AsNoTracking().FirstAsync(p => p.Id == payout.Id, ct).ConfigureAwait(false);
        return CommandResult<PayoutView>.Ok(PayoutView.Of(stored));
    }

    public sealed record CardRefundRun(int Instructed, decimal Amount, int WithoutCard, int Refused);

    /// <summary>
    /// The scheduled run: every refund owed to a customer with a bound card is paid back to it through the provider
    /// (its Idempotency-Key is the loan and the run's moment, so a run repeated pays nothing twice). Customers without
    /// a card are left for staff, who need an account from them.
    /// </summary>
    public async Task<CardRefundRun> PayBackToCardsAsync(Actor system, DateTimeOffset occurrence, CancellationToken ct)
    {
        var owed = (await OwedByLoanAsync(null, ct).ConfigureAwait(false)).Where(o => o.Owed > 0m).ToList();
        var (instructed, amount, refused) = (0, 0m, 0);
        foreach (var refund in owed.Where(o => o.CardOnFile is not null))
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"card-refund:{refund.LoanId:N}:{occurrence.UtcTicks}");
            var result = await InstructAsync(system, refund.LoanId, new RefundInput(null, null, null), key, ct).ConfigureAwait(false);
            if (result.Failure == CommandFailure.None && result.Value!.Status != PayoutStatus.Failed)
            {
                (instructed, amount) = (instructed + 1, amount + result.Value.Amount);
            }
            else
            {
                refused++;
            }
        }

        return new CardRefundRun(instructed, amount, owed.Count(o => o.CardOnFile is null), refused);
    }

    private static List<FieldError> Validate(string channel, string? account, string? bank)
    {
        var errors = new List<FieldError>();
        if (channel is not (DealerPayouts.ProviderChannel or DealerPayouts.FileChannel))
        {
            errors.Add(new FieldError("channel", "must be provider or file", "field.one-of", FieldProblems.Figures(("values", "provider, file"))));
        }

        if (account is not null && (account.Length is < 8 or > 30 || !account.All(char.IsAsciiDigit)))
        {
            errors.Add(new FieldError("accountNumber", "must be 8 to 30 digits", "refund.account.invalid"));
        }

        if (account is not null && string.IsNullOrWhiteSpace(bank))
        {
            errors.Add(new FieldError("bank", "must name the account's bank", "field.required"));
        }

        if (account is null && channel == DealerPayouts.FileChannel)
        {
            errors.Add(new FieldError("accountNumber", "a bank file pays to an account: give the customer's account", "refund.account.required"));
        }

        return errors;
    }

    private async Task<List<RefundOwed>> OwedByLoanAsync(Guid? loanId, CancellationToken ct)
    {
        var owing = await CustomerCredit.RefundsOwedAsync(db, loanId, ct).ConfigureAwait(false);
        if (owing.Count == 0)
        {
            return [];
        }

        var ids = owing.Keys.ToList();
        var loans = await db.Loans.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Reference, l.CustomerId, l.Currency }).ToListAsync(ct).ConfigureAwait(false);
        var pending = (await db.Set<PayoutRow>().AsNoTracking()
                .Where(p => p.Purpose == PayoutPurpose.Refund && p.Status == PayoutStatus.Pending && p.LoanId != null && ids.Contains(p.LoanId.Value))
                .Select(p => new { LoanId = p.LoanId!.Value, p.Amount }).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(p => p.LoanId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        var customers = loans.Select(l => l.CustomerId).Distinct().ToList();
        var cards = (await db.Set<MandateRow>().AsNoTracking().Where(m => customers.Contains(m.CustomerId) && m.Status == MandateStatus.Active)
                .Select(m => new { m.CustomerId, m.MaskedCard, m.ConsentedAt }).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(m => m.CustomerId).ToDictionary(g => g.Key, g => g.MaxBy(m => m.ConsentedAt)!.MaskedCard);
        return [.. loans.Select(l => new RefundOwed(l.Id, l.Reference, l.CustomerId, l.Currency, owing[l.Id], pending.GetValueOrDefault(l.Id), cards.GetValueOrDefault(l.CustomerId)))];
    }
}
