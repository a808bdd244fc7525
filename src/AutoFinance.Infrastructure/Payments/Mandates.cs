using AutoFinance.Application.Common;
using AutoFinance.Application.Payments;
using AutoFinance.Application.Security;
using AutoFinance.Application.Verification;
using AutoFinance.Domain.Validation;
using AutoFinance.Domain.Verification;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Verification;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// A customer binds a bank card for direct debit: a code is texted to the mobile on file, and the card is bound at the
/// provider only with that code (the customer's consent). The card number goes to the provider and nowhere else; the
/// platform keeps the mandate reference and a masked card. A customer may revoke a mandate at any time.
/// </summary>
public sealed class Mandates(AutoFinanceDbContext db, IPaymentProvider provider, IOneTimeCodes codes, IPersonalDataProtector protector, TimeProvider time)
{
    public sealed record BindInput(string? CardNumber, string? HolderName, string? Bank, string? Code);

    public sealed record MandateView(Guid MandateId, string MaskedCard, string Bank, MandateStatus Status, DateTimeOffset ConsentedAt);

    /// <summary>Texts a card-binding code to the customer's mobile on file.</summary>
    public async Task<CommandResult<CodeSendResult>> RequestCodeAsync(Actor actor, string? clientAddress, CancellationToken ct)
    {
        var mobile = await MobileAsync(actor, ct).ConfigureAwait(false);
        return mobile is null
            ? CommandResult<CodeSendResult>.Conflict("no customer record yet: it is made with your first application", "customer.none")
            : CommandResult<CodeSendResult>.Ok(await codes.SendAsync(CodePurpose.CardBinding, mobile, clientAddress, ct).ConfigureAwait(false));
    }

    public async Task<CommandResult<MandateView>> BindCardAsync(Actor actor, BindInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var digits = input.CardNumber?.Replace(" ", string.Empty, StringComparison.Ordinal) ?? string.Empty;
        var errors = new List<FieldError>();
        if (digits.Length is < 12 or > 19 || !digits.All(char.IsAsciiDigit))
        {
            errors.Add(new("cardNumber", "must be the card's 12 to 19 digits", "card.number.invalid"));
        }

        if (input.HolderName?.Trim() is not { Length: >= 2 and <= 40 })
        {
            errors.Add(FieldProblems.Length("holderName", 2, 40));
        }

        if (input.Bank?.Trim() is not { Length: >= 2 and <= 40 })
        {
            errors.Add(FieldProblems.Length("bank", 2, 40));
        }

        if (string.IsNullOrWhiteSpace(input.Code))
        {
            errors.Add(FieldProblems.Required("code", "is required: the code texted to your mobile"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<MandateView>.Invalid(errors);
        }

        var mobile = await MobileAsync(actor, ct).ConfigureAwait(false);
        if (mobile is null)
        {
            return CommandResult<MandateView>.Conflict("no customer record yet: it is made with your first application", "customer.none");
        }

        var check = await codes.VerifyCountingAsync(CodePurpose.CardBinding, mobile, input.Code, ct).ConfigureAwait(false);
        if (check.Check != CodeCheck.Verified)
        {
            return CommandResult<MandateView>.Invalid([check.Check == CodeCheck.Wrong ? CodeProblem.ForHolder("code", check)
                : new FieldError("code", "is not the code we texted you, or it has expired; ask for a new one", "code.invalid")]);
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var bound = await provider.CreateMandateAsync(new MandateOrder(id.ToString(), digits, input.HolderName!.Trim(), input.Bank!.Trim()), ct).ConfigureAwait(false);
        var row = new MandateRow
        {
            Id = id,
            CustomerId = actor.CustomerId!.Value,
            Provider = provider.Name,
            MandateReference = bound.MandateReference,
            MaskedCard = bound.MaskedCard,
            Bank = bound.Bank,
            ConsentedAt = now,
        };
        db.Set<MandateRow>().Add(row);
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "mandate.bound", "customer", row.CustomerId.ToString(), new { row.Id, row.MaskedCard, row.Bank })], now, ct).ConfigureAwait(false);
        return CommandResult<MandateView>.Ok(View(row));
    }

    public async Task<IReadOnlyList<MandateView>> ListAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.CustomerId is not { } customerId)
        {
            return [];
        }

        var rows = await db.Set<MandateRow>().AsNoTracking().Where(m => m.CustomerId == customerId).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.OrderByDescending(m => m.ConsentedAt).Select(View)];
    }

    public async Task<CommandResult<MandateView>> RevokeAsync(Actor actor, Guid mandateId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.Set<MandateRow>().FirstOrDefaultAsync(m => m.Id == mandateId && m.CustomerId == actor.CustomerId, ct).ConfigureAwait(false);
        if (row is null)
        {
            return CommandResult<MandateView>.NotFound();
        }

        if (row.Status == MandateStatus.Active)
        {
            var now = time.GetUtcNow();
            row.Status = MandateStatus.Revoked;
            row.RevokedAt = now;
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "mandate.revoked", "customer", row.CustomerId.ToString(), new { row.Id })], now, ct).ConfigureAwait(false);
        }

        return CommandResult<MandateView>.Ok(View(row));
    }

    private async Task<string?> MobileAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Role != Roles.Customer || actor.CustomerId is not { } customerId)
        {
            return null;
        }

        var cipher = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.MobileCipher).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return cipher is null ? null : protector.Unprotect(cipher);
    }

    private static MandateView View(MandateRow m) => new(m.Id, m.MaskedCard, m.Bank, m.Status, m.ConsentedAt);
}
