using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using AutoFinance.Domain.Origination.Lifecycle;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>The rows one decision adds: the customer (found or created, personal data encrypted), the application with its checks, offers and history, a referral, the idempotency record.</summary>
public static class DecisionRows
{
    /// <summary>
    /// Everything a decision writes, built on the request's own thread (encryption and serialisation are the costly
    /// part), so the single writer only matches customers, chains the audit log and commits.
    /// </summary>
    public sealed record Prepared(DecisionRecord Record, CustomerRow NewCustomer, ApplicationRow Application, ReferralRow? Referral, IdempotencyRow? Idempotency, IReadOnlyList<AuditEvent> Audit);

    public static Prepared Prepare(IPersonalDataProtector protector, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(record);
        var a = record.Application;
        var customer = new CustomerRow
        {
            Id = Guid.CreateVersion7(record.SubmittedAt),
            NationalIdHash = record.Hashes.NationalId,
            NationalIdCipher = protector.Protect(a.NationalId),
            NationalIdMasked = ResidentId.Mask(a.NationalId),
            FullNameCipher = protector.Protect(a.FullName),
            FullNameHash = record.Hashes.FullName,
            MobileCipher = protector.Protect(a.Mobile),
            MobileHash = record.Hashes.Mobile,
            EmailCipher = a.Email is null ? null : protector.Protect(a.Email),
            DateOfBirth = a.DateOfBirth,
            CreatedAt = record.SubmittedAt,
        };
        var (application, referral, idempotency) = Rows(protector, record);
        var audit = AuditEvents(record).Select(e => e with { Data = Json.Serialize(e.Data) }).ToArray();
        return new Prepared(record, customer, application, referral, idempotency, audit);
    }

    /// <summary>
    /// Writes a batch of prepared decisions with their audit entries: one query finds the customers already on file,
    /// then each table gets its new rows in multi-row inserts. Changes to rows already on file (a customer's account
    /// linked) go through EF.
    /// </summary>
    public static async Task WriteAsync(AutoFinanceDbContext db, IReadOnlyList<Prepared> batch, IReadOnlyList<AuditEntryRow> audit, Notifications.NotificationOptions notifications, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        var hashes = batch.Select(p => p.Record.Hashes.NationalId).Distinct().ToList();
        var customers = await db.Customers.Where(c => EF.Constant(hashes).Contains(c.NationalIdHash)).ToDictionaryAsync(c => c.NationalIdHash, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var newCustomers = new List<CustomerRow>();
        foreach (var prepared in batch)
        {
            var record = prepared.Record;
            if (!customers.TryGetValue(record.Hashes.NationalId, out var customer))
            {
                customer = prepared.NewCustomer;
                newCustomers.Add(customer);
                customers[record.Hashes.NationalId] = customer;
            }

            // A customer already on file keeps its record: an application carries its own applicant snapshot (the
            // request, encrypted) and never overwrites the verified name or mobile. A difference was recorded as the
            // identity.mismatch check; master data changes only by the customer with a code or by staff with a reason.

            if (record.Actor is { Role: Roles.Customer, UserId: { } userId, CustomerId: null })
            {
                var user = await db.Users.FirstAsync(u => u.Id == userId, ct).ConfigureAwait(false);
                user.CustomerId = customer.Id;
            }

            prepared.Application.CustomerId = customer.Id;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var applications = batch.Select(p => p.Application).ToList();
        await BulkInsert.InsertAsync(db, newCustomers, ct).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, applications, ct).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, applications.SelectMany(a => a.Offers).ToList(), ct).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, applications.SelectMany(a => a.History).ToList(), ct).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, batch.Select(p => p.Referral).OfType<ReferralRow>().ToList(), ct).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, batch.Select(p => p.Idempotency).OfType<IdempotencyRow>().ToList(), ct).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, audit, ct).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, await DecisionNoticesAsync(db, batch, customers, notifications, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The customer's notice of each decision (approved, referred, declined), in the application's language, on the
    /// channels the customer wants; written with the decision, so a decision is never stored without its notice.
    /// </summary>
    private static async Task<List<Servicing.OutboxMessageRow>> DecisionNoticesAsync(AutoFinanceDbContext db, IReadOnlyList<Prepared> batch, Dictionary<string, CustomerRow> customers, Notifications.NotificationOptions notifications, CancellationToken ct)
    {
        var ids = batch.Select(p => p.Application.CustomerId).Distinct().ToList();
        var choices = (await db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.CustomerId)).ToListAsync(ct).ConfigureAwait(false)).ToLookup(p => p.CustomerId);
        var rows = new List<Servicing.OutboxMessageRow>();
        foreach (var prepared in batch)
        {
            var application = prepared.Application;
            Domain.Notifications.NoticeEvent? notice = application.Status switch
            {
                ApplicationStatus.Approved => Domain.Notifications.NoticeEvent.DecisionApproved,
                ApplicationStatus.Referred => Domain.Notifications.NoticeEvent.DecisionReferred,
                ApplicationStatus.Declined => Domain.Notifications.NoticeEvent.DecisionDeclined,
                _ => null,
            };
            if (notice is null)
            {
                continue;
            }

            var customer = customers[prepared.Record.Hashes.NationalId];
            var recipient = new Notifications.Recipient(customer.Id, Domain.Servicing.Reminders.ReminderFormat.Language(application.Language), customer.MobileCipher.Length > 0,
                customer.EmailCipher is not null, Notifications.Recipients.Preferences(choices[customer.Id]));
            rows.AddRange(Notifications.NoticeComposer.Compose(
                new Domain.Notifications.Notice(notice.Value, customer.Id, null, application.Id.ToString(), new Dictionary<string, object> { ["reference"] = application.Reference }),
                recipient, notifications, prepared.Record.SubmittedAt));
        }

        return rows;
    }

    private static (ApplicationRow Application, ReferralRow? Referral, IdempotencyRow? Idempotency) Rows(IPersonalDataProtector protector, DecisionRecord record)
    {
        var a = record.Application;
        var status = ApplicationLifecycle.Decided(record.Status);
        var row = new ApplicationRow
        {
            Id = record.ApplicationId,
            Reference = record.Reference,
            Channel = a.Channel,
            DealerId = record.Actor.DealerId,
            SubmittedByUserId = record.Actor.UserId,
            ProductCode = a.ProductCode,
            Status = status,
            Language = a.Language,
            SubmittedAt = record.SubmittedAt,
            DecidedAt = record.SubmittedAt,
            DecisionMillis = record.DecisionMillis,
            Score = record.Score,
            Pd = record.Pd,
            ChallengerPd = record.ChallengerPd,
            Grade = record.Grade,
            ModelVersion = record.ModelVersion,
            RequestCipher = protector.Protect(Json.Serialize(a)),
            NationalIdHash = record.Hashes.NationalId,
            MobileHash = record.Hashes.Mobile,
            VinHash = record.Hashes.Vin,
            ClientIpHash = record.Hashes.ClientIp,
            DeviceIdHash = record.Hashes.Device,
            VehicleMake = a.Make,
            VehicleModel = a.Model,
            VehicleYear = a.VehicleYear,
            VehicleCondition = a.Condition == VehicleCondition.New ? "new" : "used",
            VehicleEnergy = a.Energy == VehicleEnergy.NewEnergy ? "new-energy" : "conventional",
            VehiclePrice = a.VehiclePrice,
            DownPayment = a.DownPayment,
            TermMonths = a.TermMonths,
            RepaymentMethod = a.Method.ToName(),
            ReasonsJson = Json.Serialize(record.Reasons),
            ChecksJson = Json.Serialize(record.Checks),
        };

        foreach (var offer in record.Offers)
        {
            var offerRow = OfferDisclosure.ToRow(offer.OfferId, row.Id, offer.Offer);
            offerRow.ProductVersion = record.ProductVersion;
            row.Offers.Add(offerRow);
        }

        row.History.Add(new StatusChangeRow { ApplicationId = row.Id, Status = ApplicationStatus.Submitted, At = record.SubmittedAt, Actor = record.Actor.AuditName });
        row.History.Add(new StatusChangeRow { ApplicationId = row.Id, Status = status, At = record.SubmittedAt, Actor = "system:decision", Note = $"grade {record.Grade}, {record.DecisionMillis:0.###} ms" });
        var referral = record.ReferralDueAt is { } due
            ? new ReferralRow { Id = Guid.CreateVersion7(record.SubmittedAt), ApplicationId = row.Id, CreatedAt = record.SubmittedAt, DueAt = due }
            : null;
        IdempotencyRow? idempotencyRow = null;
        if (record.Idempotency is { } idempotency)
        {
            idempotencyRow = new IdempotencyRow
            {
                Scope = idempotency.Scope,
                Key = idempotency.Key,
                RequestHash = idempotency.RequestHash,
                StatusCode = 201,
                ResponseJson = record.ResponseJson,
                CreatedAt = record.SubmittedAt,
            };
        }

        return (row, referral, idempotencyRow);
    }

    public static IEnumerable<AuditEvent> AuditEvents(DecisionRecord record)
    {
        var id = record.ApplicationId.ToString();
        yield return new AuditEvent(record.Actor.AuditName, "application.submitted", "application", id, new { record.Reference, record.Application.Channel, record.Application.ProductCode });
        yield return new AuditEvent("system:decision", "application.decided", "application", id, new
        {
            Status = DecisionService.Name(record.Status),
            record.Score,
            record.Grade,
            record.Pd,
            record.ChallengerPd,
            record.ModelVersion,
            record.DecisionMillis,
            Checks = record.Checks.Select(c => new { c.Sequence, c.Code, c.Outcome }),
            Reasons = record.Reasons.Select(r => r.Code),
            Offers = record.Offers.Select(o => new { o.OfferId, o.Offer.Rank, o.Offer.TermMonths, o.Offer.AnnualRate, o.Offer.TotalRepayable }),
        });
    }
}
