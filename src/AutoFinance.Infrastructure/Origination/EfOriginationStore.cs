using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>The origination store on EF Core: indexed lookups for the checks, and one transaction per decision.</summary>
public sealed class EfOriginationStore(AutoFinanceDbContext db, IPersonalDataProtector protector, ProductCatalog products) : IOriginationStore
{
    public static readonly string[] OpenStatuses = ["approved", "referred"];
    public static readonly string[] ClosedContractStatuses = ["closed", "cancelled"];

    public Task<int> CountSinceAsync(VelocityKey key, string value, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var recent = db.Applications.AsNoTracking().Where(a => a.SubmittedAt >= since);
        recent = key switch
        {
            VelocityKey.NationalId => recent.Where(a => a.NationalIdHash == value),
            VelocityKey.Mobile => recent.Where(a => a.MobileHash == value),
            VelocityKey.Device => recent.Where(a => a.DeviceIdHash == value),
            VelocityKey.ClientIp => recent.Where(a => a.ClientIpHash == value),
            _ => Guid.TryParse(value, out var dealer) ? recent.Where(a => a.DealerId == dealer) : recent.Where(_ => false),
        };
        return recent.CountAsync(cancellationToken);
    }

    public Task<bool> IsBlacklistedAsync(string kind, string valueHash, CancellationToken cancellationToken) =>
        db.Blacklist.AsNoTracking().AnyAsync(b => b.Kind == kind && b.ValueHash == valueHash && b.RemovedAt == null, cancellationToken);

    public Task<bool> IsVinFinancedAsync(string vinHash, CancellationToken cancellationToken) =>
        db.Contracts.AsNoTracking().AnyAsync(c => c.VinHash == vinHash && !ClosedContractStatuses.Contains(c.Status), cancellationToken);

    public async Task<bool> HasOpenApplicationAsync(string nationalIdHash, string vinHash, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var open = await db.Applications.AsNoTracking()
            .Where(a => a.NationalIdHash == nationalIdHash && a.VinHash == vinHash && a.SubmittedAt >= since && OpenStatuses.Contains(a.Status))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (open.Count == 0)
        {
            return false;
        }

        var takenUp = await db.Contracts.AsNoTracking().Where(c => open.Contains(c.ApplicationId)).Select(c => c.ApplicationId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return open.Except(takenUp).Any();
    }

    public Task<string?> CustomerNameHashAsync(string nationalIdHash, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().Where(c => c.NationalIdHash == nationalIdHash).Select(c => c.FullNameHash).FirstOrDefaultAsync(cancellationToken);

    public Task<Guid?> CustomerIdAsync(string nationalIdHash, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().Where(c => c.NationalIdHash == nationalIdHash).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<ProductSettings?> FindProductAsync(string code, CancellationToken cancellationToken) => products.FindAsync(db, code, cancellationToken);

    public async Task<StoredResponse?> FindResponseAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var row = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(i => i.Scope == scope && i.Key == key, cancellationToken).ConfigureAwait(false);
        return row is null ? null : new StoredResponse(row.RequestHash, row.StatusCode, row.ResponseJson);
    }

    public async Task SaveAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await AuditLog.SerialisedAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var customer = await UpsertCustomer(record, cancellationToken).ConfigureAwait(false);
                AddApplication(record, customer.Id);
                await AuditLog.AppendAsync(db, AuditEvents(record), record.SubmittedAt, cancellationToken).ConfigureAwait(false);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (record.Idempotency is not null && UniqueViolation.Is(e, "idempotency"))
        {
            db.ChangeTracker.Clear();
            throw new IdempotencyConflictException("the idempotency key was stored by another request", e);
        }
    }

    private async Task<CustomerRow> UpsertCustomer(DecisionRecord record, CancellationToken ct)
    {
        var a = record.Application;
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.NationalIdHash == record.Hashes.NationalId, ct).ConfigureAwait(false);
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

        if (record.Actor is { Role: Roles.Customer, UserId: { } userId, CustomerId: null })
        {
            var user = await db.Users.FirstAsync(u => u.Id == userId, ct).ConfigureAwait(false);
            user.CustomerId = customer.Id;
        }

        return customer;
    }

    private void AddApplication(DecisionRecord record, Guid customerId)
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
        };
        row.Checks.AddRange(record.Checks.Select(c => new CheckRow
        {
            ApplicationId = row.Id,
            Sequence = c.Sequence,
            Stage = c.Stage,
            Code = c.Code,
            Outcome = c.Outcome,
            Detail = c.Detail,
            ValuesJson = c.Values.Count == 0 ? null : Json.Serialize(c.Values),
        }));
        row.Offers.AddRange(record.Offers.Select(o => new OfferRow
        {
            Id = o.OfferId,
            ApplicationId = row.Id,
            Rank = o.Offer.Rank,
            TermMonths = o.Offer.TermMonths,
            Method = o.Offer.Method.ToName(),
            DownPayment = o.Offer.DownPayment,
            Principal = o.Offer.Principal,
            AnnualRate = o.Offer.AnnualRate,
            CardRate = o.Offer.CardRate,
            PromotionName = o.Offer.PromotionName,
            Subsidy = o.Offer.Subsidy,
            FirstPayment = o.Offer.FirstPayment,
            MaxPayment = o.Offer.MaxPayment,
            TotalInterest = o.Offer.TotalInterest,
            TotalFees = o.Offer.TotalFees,
            TotalRepayable = o.Offer.TotalRepayable,
            AprPercent = Math.Round(o.Offer.AprPercent, AutoFinanceDbContext.RateScale),
            IsRequestedPlan = o.Offer.IsRequestedPlan,
            DisclosureJson = o.DisclosureJson,
            DisclosureHash = o.DisclosureHash,
        }));
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

    private static IEnumerable<AuditEvent> AuditEvents(DecisionRecord record)
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
            Offers = record.Offers.Select(o => new { o.OfferId, o.Offer.Rank, o.DisclosureHash }),
        });
    }
}
