using System.Globalization;
using System.Text.Json;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Infrastructure.Privacy;

/// <summary>
/// A customer's rights over their data: a machine-readable export of everything held about them (decrypted for them
/// alone), and erasure — personal data anonymised where no retention duty applies, and what was kept and why
/// recorded (in the answer and in the audit log, which holds no personal data).
/// </summary>
public sealed class PersonalDataService(AutoFinanceDbContext db, IPersonalDataProtector protector, AccountNames names, Identity.SessionCache sessionCache, TimeProvider time)
{
    /// <summary>Years a lender keeps a loan's records after it ends (account and identification records).</summary>
    public const int RetentionYears = 5;

    public sealed record ErasureResult(Guid CustomerId, bool Erased, IReadOnlyList<string> ErasedItems, IReadOnlyList<string> KeptItems, string? KeptBecause);

    public async Task<object?> ExportAsync(Actor actor, Guid customerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MaySee(actor, customerId))
        {
            return null;
        }

        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, ct).ConfigureAwait(false);
        if (customer is null)
        {
            return null;
        }

        var applications = await db.Applications.AsNoTracking().Where(a => a.CustomerId == customerId).OrderBy(a => a.SubmittedAt).ToListAsync(ct).ConfigureAwait(false);
        var loans = await db.Loans.AsNoTracking().Where(l => l.CustomerId == customerId).ToListAsync(ct).ConfigureAwait(false);
        var loanIds = loans.Select(l => l.Id).ToList();
        var installments = await db.Installments.AsNoTracking().Where(i => loanIds.Contains(i.LoanId)).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        var payments = await db.Payments.AsNoTracking().Where(p => loanIds.Contains(p.LoanId)).OrderBy(p => p.PaidOn).ToListAsync(ct).ConfigureAwait(false);
        var messages = await db.Outbox.AsNoTracking().Where(m => m.CustomerId == customerId).OrderBy(m => m.CreatedAt).ToListAsync(ct).ConfigureAwait(false);
        var cases = await db.ServiceCases.AsNoTracking().Where(c => c.CustomerId == customerId).OrderBy(c => c.OpenedAt).ToListAsync(ct).ConfigureAwait(false);
        var consents = await db.Consents.AsNoTracking().Where(c => c.CustomerId == customerId).OrderBy(c => c.RecordedAt).ToListAsync(ct).ConfigureAwait(false);
        var applicationIds = applications.Select(a => a.Id).ToList();
        var contracts = await db.Contracts.AsNoTracking().Where(c => applicationIds.Contains(c.ApplicationId)).OrderBy(c => c.AcceptedAt).ToListAsync(ct).ConfigureAwait(false);
        var documents = await db.Documents.AsNoTracking().Where(d => d.CustomerId == customerId).OrderBy(d => d.UploadedAt).ToListAsync(ct).ConfigureAwait(false);
        var surveys = await db.Surveys.AsNoTracking().Where(v => v.CustomerId == customerId).OrderBy(v => v.CreatedAt).ToListAsync(ct).ConfigureAwait(false);
        // The credit bureau's authorisations and pulls are kept by the national id's keyed hash, as the customer's row is.
        var authorisations = await db.BureauAuthorisations.AsNoTracking().Where(b => b.NationalIdHash == customer.NationalIdHash).OrderBy(b => b.GrantedAt).ToListAsync(ct).ConfigureAwait(false);
        var reports = await db.CreditReports.AsNoTracking().Where(r => r.NationalIdHash == customer.NationalIdHash).OrderBy(r => r.PulledAt)
            .Select(r => new { r.Id, r.AuthorisationId, r.PulledAt, r.ExpiresAt, r.Outcome }).ToListAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var access = await ExportAccess.OfAsync(db, actor, customerId, now, ct).ConfigureAwait(false);
        if (actor.IsStaff)
        {
            // Every staff export is on the record, with the ground for an unmasked one (never the data itself).
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "customer.exported", "customer", customerId.ToString(),
                new { Applications = applications.Count, Loans = loans.Count, access.Masked, access.Basis, access.Reference })], now, ct).ConfigureAwait(false);
        }

        var masked = access.Masked;
        return new
        {
            ExportedAt = now,
            Access = access,
            Customer = new
            {
                customer.Id,
                FullName = Shown(customer.FullNameCipher, ExportMasking.Name, masked),
                NationalId = Shown(customer.NationalIdCipher, ExportMasking.NationalId, masked),
                Mobile = Shown(customer.MobileCipher, ExportMasking.Mobile, masked),
                Email = customer.EmailCipher is null ? null : Shown(customer.EmailCipher, ExportMasking.Email, masked),
                DateOfBirth = masked ? (object)ExportMasking.DateOfBirth(customer.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : customer.DateOfBirth,
                customer.CreatedAt,
            },
            Applications = applications.Select(a => new
            {
                a.Id, a.Reference, a.Channel, a.Status, a.SubmittedAt, a.DecidedAt, a.Grade, a.Score,
                Reasons = JsonDocument.Parse(a.ReasonsJson).RootElement,
                Request = masked ? (object?)ExportMasking.Document(Document(a.RequestCipher)) : Document(a.RequestCipher),
            }),
            Loans = loans.Select(l => new
            {
                l.Id, l.Reference, l.Status, l.Principal, AnnualRatePercent = l.AnnualRate * 100m, l.TermMonths, l.Method, l.StartDate, l.DaysPastDue, l.Bucket, l.ClosedOn,
                Schedule = installments.Where(i => i.LoanId == l.Id).Select(i => new { i.Number, i.DueDate, i.Payment, i.Principal, i.Interest, i.Fee, i.LateFee, i.Penalty, i.PaidPrincipal, i.PaidInterest, i.PaidFee, i.PaidLateFee, i.PaidPenalty, i.WaivedLateFee, i.WaivedPenalty }),
                Payments = payments.Where(p => p.LoanId == l.Id).Select(p => new { p.Id, p.Amount, p.PaidOn, p.Status, p.Surplus, p.Overpayment, p.Prepaid }),
            }),
            Messages = messages.Select(m => new { m.Id, m.Channel, m.Language, m.Body, m.CreatedAt, m.SentAt, m.Status }),
            Cases = cases.Select(c => new { c.Id, c.Reference, c.Kind, c.Category, c.Status, c.OpenedAt, Subject = Plain(c.SubjectCipher), Description = Plain(c.DescriptionCipher) }),
            Consents = consents.Select(c => new { c.Purpose, c.Channel, c.Granted, c.RecordedAt, c.Source }),
            CreditCheckAuthorisations = authorisations.Select(b => new { b.Id, b.Channel, b.TextVersion, b.GrantedAt }),
            CreditReportsPulled = reports,
            Contracts = contracts.Select(c => new { c.Id, c.Reference, c.ApplicationId, c.Status, c.AcceptedAt, c.DisbursedAt, c.DocumentSha256 }),
            Documents = documents.Select(d => new { d.Id, d.ApplicationId, d.Kind, d.ContentType, d.SizeBytes, d.Sha256, d.Status, d.UploadedAt, d.ReviewedAt }),
            Surveys = surveys.Select(v => new { v.Trigger, v.Channel, v.CreatedAt, v.AnsweredAt, v.Csat, v.Nps, Comment = masked || v.CommentCipher is null ? null : Plain(v.CommentCipher) }),
        };
    }

    /// <summary>
    /// Erases a customer on request. Someone who ever had a loan is kept (the lender must keep the loan's records for
    /// <see cref="RetentionYears"/> years after it ends); someone who only applied is anonymised: identity fields,
    /// the encrypted application requests and the lookup hashes that could find them again, and their sign-in.
    /// </summary>
    public async Task<CommandResult<ErasureResult>> EraseAsync(Actor actor, Guid customerId, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MaySee(actor, customerId))
        {
            return CommandResult<ErasureResult>.NotFound();
        }

        if (reason?.Trim() is not { Length: >= 3 and <= 500 })
        {
            return CommandResult<ErasureResult>.Invalid("reason", "must say why, in 3 to 500 characters", "field.reason");
        }

        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct).ConfigureAwait(false);
        if (customer is null)
        {
            return CommandResult<ErasureResult>.NotFound();
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var loans = await db.Loans.AsNoTracking().Where(l => l.CustomerId == customerId).Select(l => new { l.Reference, l.Status, l.ClosedOn, l.ChargedOffOn }).ToListAsync(ct).ConfigureAwait(false);
        ErasureResult result;
        if (loans.Count > 0)
        {
            var until = loans.Max(l => l.Status == LoanStatus.Active ? DateOnly.MaxValue : (l.ClosedOn ?? l.ChargedOffOn ?? today).AddYears(RetentionYears));
            var because = until == DateOnly.MaxValue
                ? "a loan is still running; its records and the borrower's identity are kept while it runs and five years after it ends"
                : $"loan records and the borrower's identity are kept until {until:yyyy-MM-dd}, five years after the last loan ended";
            result = new ErasureResult(customerId, false, [], ["identity", "applications", .. loans.Select(l => $"loan {l.Reference}")], because);
        }
        else
        {
            var marker = $"erased:{Guid.NewGuid():N}";
            var erased = protector.Protect("erased");
            customer.FullNameCipher = erased;
            customer.NationalIdCipher = erased;
            customer.MobileCipher = erased;
            customer.EmailCipher = null;
            customer.NationalIdMasked = "erased";
            customer.NationalIdHash = marker;
            customer.FullNameHash = marker;
            customer.MobileHash = marker;
            var applications = await db.Applications.Where(a => a.CustomerId == customerId).ToListAsync(ct).ConfigureAwait(false);
            foreach (var application in applications)
            {
                application.RequestCipher = protector.Protect("{}");
                application.NationalIdHash = marker;
                application.MobileHash = marker;
                application.ClientIpHash = null;
                application.DeviceIdHash = null;
                application.Version++;
            }

            var users = await db.Users.Where(u => u.CustomerId == customerId).ToListAsync(ct).ConfigureAwait(false);
            foreach (var user in users)
            {
                names.Erase(user);
            }

            var cases = await db.ServiceCases.Where(c => c.CustomerId == customerId).ToListAsync(ct).ConfigureAwait(false);
            foreach (var serviceCase in cases)
            {
                serviceCase.SubjectCipher = erased;
                serviceCase.DescriptionCipher = erased;
                serviceCase.ResolutionCipher = serviceCase.ResolutionCipher is null ? null : erased;
            }

            var caseIds = cases.Select(c => c.Id).ToList();
            foreach (var message in await db.CaseMessages.Where(m => caseIds.Contains(m.CaseId)).ToListAsync(ct).ConfigureAwait(false))
            {
                message.BodyCipher = erased;
            }

            foreach (var survey in await db.Surveys.Where(v => v.CustomerId == customerId && v.CommentCipher != null).ToListAsync(ct).ConfigureAwait(false))
            {
                survey.CommentCipher = erased;
            }

            var userIds = users.Select(u => u.Id).ToList();
            foreach (var session in await db.Sessions.Where(s => userIds.Contains(s.UserId) && s.RevokedAt == null).ToListAsync(ct).ConfigureAwait(false))
            {
                session.RevokedAt = now;
            }
            result = new ErasureResult(customerId, true,
                ["name", "national ID", "mobile", "e-mail", $"{applications.Count} application request(s)", $"{cases.Count} case(s) and their messages", "survey comments", "lookup hashes", "sign-in"],
                ["application decisions without personal data (reference, status, grade, vehicle) for credit-model monitoring", "case and survey records without their text, for service statistics", "consent history, as proof of what was agreed"], null);
        }

        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "customer.erasure", "customer", customerId.ToString(), new { result.Erased, result.ErasedItems, result.KeptItems, result.KeptBecause, Reason = reason.Trim() })], now, ct).ConfigureAwait(false);
        if (result.Erased)
        {
            // The erased customer's sessions end and their account is inactive: no request may still be let in as them.
            sessionCache.Forget();
        }

        return CommandResult<ErasureResult>.Ok(result);
    }

    private static bool MaySee(Actor actor, Guid customerId) =>
        (actor.Role == Roles.Customer && actor.CustomerId == customerId) || actor.Role is Roles.Admin or Roles.ServiceAgent or Roles.Manager;

    private string Plain(string cipher) => protector.Unprotect(cipher);

    /// <summary>A decrypted field, masked when the export is (an erased field reads "erased" either way).</summary>
    private string Shown(string cipher, Func<string, string> mask, bool masked) => Plain(cipher) is var plain && masked && plain != "erased" ? mask(plain) : plain;

    private JsonElement Document(string cipher)
    {
        using var document = JsonDocument.Parse(Plain(cipher));
        return document.RootElement.Clone();
    }
}
