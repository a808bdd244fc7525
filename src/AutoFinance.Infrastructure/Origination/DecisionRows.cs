using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>The rows one decision adds: the customer (found or created, personal data encrypted), the application with its checks, offers and history, a referral, the idempotency record.</summary>
public static class DecisionRows
{
    public static async Task AddAsync(AutoFinanceDbContext db, IPersonalDataProtector protector, DecisionRecord record, Dictionary<string, CustomerRow> batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var customer = await UpsertCustomer(db, protector, record, batch, ct).ConfigureAwait(false);
        AddApplication(db, protector, record, customer.Id);
    }

    private static async Task<CustomerRow> UpsertCustomer(AutoFinanceDbContext db, IPersonalDataProtector protector, DecisionRecord record, Dictionary<string, CustomerRow> batch, CancellationToken ct)
    {
        var a = record.Application;
        var customer = batch.GetValueOrDefault(record.Hashes.NationalId)
            ?? await db.Customers.FirstOrDefaultAsync(c => c.NationalIdHash == record.Hashes.NationalId, ct).ConfigureAwait(false);
        if (customer is null)
        {
            customer = new CustomerRow
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
            db.Customers.Add(customer);
        }

        else if (customer.MobileHash != record.Hashes.Mobile)
        {
            // The latest mobile given is the one to reach the customer on.
            customer.MobileCipher = protector.Protect(a.Mobile);
            customer.MobileHash = record.Hashes.Mobile;
        }

        batch[record.Hashes.NationalId] = customer;

        if (record.Actor is { Role: Roles.Customer, UserId: { } userId, CustomerId: null })
        {
            var user = await db.Users.FirstAsync(u => u.Id == userId, ct).ConfigureAwait(false);
            user.CustomerId = customer.Id;
        }

        return customer;
    }

    private static void AddApplication(AutoFinanceDbContext db, IPersonalDataProtector protector, DecisionRecord record, Guid customerId)
    {
        var a = record.Application;
        var status = DecisionService.Name(record.Status);
        var row = new ApplicationRow
        {
            Id = record.ApplicationId,
            Reference = record.Reference,
            Channel = a.Channel,
            DealerId = record.Actor.DealerId,
            CustomerId = customerId,
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

        row.Offers.AddRange(record.Offers.Select(o => OfferDisclosure.ToRow(o.OfferId, row.Id, o.Offer)));
        row.History.Add(new StatusChangeRow { ApplicationId = row.Id, Status = "submitted", At = record.SubmittedAt, Actor = record.Actor.AuditName });
        row.History.Add(new StatusChangeRow { ApplicationId = row.Id, Status = status, At = record.SubmittedAt, Actor = "system:decision", Note = $"grade {record.Grade}, {record.DecisionMillis:0.###} ms" });
        db.Applications.Add(row);
        if (record.ReferralDueAt is { } due)
        {
            db.Referrals.Add(new ReferralRow { Id = Guid.CreateVersion7(record.SubmittedAt), ApplicationId = row.Id, CreatedAt = record.SubmittedAt, DueAt = due });
        }

        if (record.Idempotency is { } idempotency)
        {
            db.IdempotencyRecords.Add(new IdempotencyRow
            {
                Scope = idempotency.Scope,
                Key = idempotency.Key,
                RequestHash = idempotency.RequestHash,
                StatusCode = 201,
                ResponseJson = Json.Serialize(record.Response),
                CreatedAt = record.SubmittedAt,
            });
        }
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
