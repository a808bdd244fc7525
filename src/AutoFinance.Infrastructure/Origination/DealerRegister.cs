using System.Text.RegularExpressions;
using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>
/// The dealers the lender works with, as an administrator keeps them: adding one (with its first API key, shown once)
/// and changing where and in which language its finance desk is written to. Every change is audited; the address
/// itself stays out of the audit log, which records only whether there is one.
/// </summary>
public sealed partial class DealerRegister(AutoFinanceDbContext db, TimeProvider time)
{
    public sealed record NewDealerInput(string? Code, string? Name, string? City, string? Email, string? Language);

    public sealed record ContactInput(string? Email, string? Language);

    /// <summary>A dealer just added, with its API key: shown in this answer only, stored as its hash.</summary>
    public sealed record AddedDealer(AccessAdministration.DealerView Dealer, string ApiKey);

    /// <summary>Adds a dealer, or names every problem with what was typed: the code's form or that it is taken, the name, the city, the contact.</summary>
    public async Task<CommandResult<AddedDealer>> AddAsync(Actor admin, NewDealerInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var code = input.Code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(FieldProblems.Required("code"));
        }
        else if (!DealerCode().IsMatch(code))
        {
            errors.Add(FieldProblems.Of("code", "dealer.code.format", "must be 2 to 20 capital letters, digits and hyphens, starting with a letter or digit"));
        }
        else if (await db.Dealers.AnyAsync(d => d.Code == code, ct).ConfigureAwait(false))
        {
            errors.Add(CodeTaken(code));
        }

        var name = Text(errors, "name", input.Name, 2, 100);
        var city = Text(errors, "city", input.City, 2, 40);
        var (contact, contactErrors) = DealerContact.Read(input.Email, input.Language);
        errors.AddRange(contactErrors);
        if (errors.Count > 0)
        {
            return CommandResult<AddedDealer>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var key = AccessAdministration.NewApiKey();
        var dealer = AccountService.NewDealer(code!, name!, city!, key, now);
        (dealer.Email, dealer.Language) = (contact!.Email, contact.Language);
        db.Dealers.Add(dealer);
        try
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent(admin.AuditName, "dealer.added", "dealer", dealer.Id.ToString(), new { dealer.Code, dealer.Name, HasEmail = dealer.Email is not null, dealer.Language })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another administrator added a dealer with the same code meanwhile.
            db.ChangeTracker.Clear();
            return CommandResult<AddedDealer>.Invalid([CodeTaken(code!)]);
        }

        return CommandResult<AddedDealer>.Ok(new AddedDealer(AccessAdministration.DealerView.Of(dealer, now), key));
    }

    /// <summary>Changes the dealer's e-mail (empty: none) and language; notices written from then on follow them.</summary>
    public async Task<CommandResult<AccessAdministration.DealerView>> ChangeContactAsync(Actor admin, Guid dealerId, ContactInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(input);
        var dealer = await db.Dealers.FirstOrDefaultAsync(d => d.Id == dealerId, ct).ConfigureAwait(false);
        if (dealer is null)
        {
            return CommandResult<AccessAdministration.DealerView>.NotFound();
        }

        var (contact, errors) = DealerContact.Read(input.Email, input.Language);
        if (contact is null)
        {
            return CommandResult<AccessAdministration.DealerView>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        (dealer.Email, dealer.Language) = (contact.Email, contact.Language);
        await AuditLog.SaveWithAsync(db, [new AuditEvent(admin.AuditName, "dealer.contact-changed", "dealer", dealer.Id.ToString(), new { dealer.Code, HasEmail = dealer.Email is not null, dealer.Language })], now, ct).ConfigureAwait(false);
        return CommandResult<AccessAdministration.DealerView>.Ok(AccessAdministration.DealerView.Of(dealer, now));
    }

    private static FieldError CodeTaken(string code) => FieldProblems.Of("code", "dealer.code.taken", $"{code} is another dealer's code", ("code", code));

    private static string? Text(List<FieldError> errors, string field, string? typed, int min, int max)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(FieldProblems.Required(field));
            return null;
        }

        if (text.Length < min || text.Length > max)
        {
            errors.Add(FieldProblems.Length(field, min, max));
            return null;
        }

        return text;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,19}$")]
    private static partial Regex DealerCode();
}
