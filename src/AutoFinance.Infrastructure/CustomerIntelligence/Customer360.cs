using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.ServiceDesk;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Insight.Offers;
using Microsoft.EntityFrameworkCore;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Domain.ServiceDesk;
using AutoFinance.Domain.Origination.Lifecycle;

namespace AutoFinance.Infrastructure.CustomerIntelligence;

/// <summary>
/// The customer 360 for staff: identity, applications, loans with balances and delinquency, payments, cases,
/// surveys, tags with their history, segment, RFM, lifetime value, lifecycle stage, churn risk and consent.
/// </summary>
/// <remarks>
/// Identity is minimised by role: the national ID and the mobile are always masked (110105********1239,
/// 138****8000 — nobody needs them whole to serve a customer); the full name is shown to roles that speak to the
/// customer (service agent, collector, underwriter, manager, admin) and masked for the risk analyst, who works on
/// behaviour, not people.
/// </remarks>
public sealed class Customer360(AutoFinanceDbContext db, IPersonalDataProtector protector, ServiceDeskOptions serviceDesk, TimeProvider time)
{
    public static readonly IReadOnlyList<string> SeesNames = [Roles.ServiceAgent, Roles.Collector, Roles.Underwriter, Roles.Manager, Roles.Admin];

    public sealed record IdentityView(string Name, bool NameMasked, string NationalIdMasked, string MobileMasked, int BirthYear, DateTimeOffset CustomerSince);

    public sealed record ApplicationLine(Guid ApplicationId, string Reference, string Status, string Channel, DateTimeOffset SubmittedAt, string? Grade, decimal VehiclePrice, decimal DownPayment, int TermMonths, string Vehicle)
    {
        /// <summary>Year, make and model, for a page to put beside the condition and energy in its own words.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public string VehicleName { get; init; } = Vehicle;

        [System.Text.Json.Serialization.JsonIgnore]
        public string VehicleCondition { get; init; } = string.Empty;

        [System.Text.Json.Serialization.JsonIgnore]
        public string VehicleEnergy { get; init; } = string.Empty;
    }

    public sealed record LoanLine(Guid LoanId, string Reference, string Status, decimal Principal, decimal Outstanding, decimal AnnualRatePercent, int TermMonths, int InstalmentsLeft, int DaysPastDue, string Bucket, DateOnly? NextDueDate, decimal? NextDueAmount, decimal? LoanToValue, bool OnWatchList);

    public sealed record PaymentLine(Guid PaymentId, Guid LoanId, DateOnly PaidOn, decimal Amount, string Status, decimal Prepaid);

    public sealed record CaseLine(Guid CaseId, string Reference, string Kind, string Category, string Priority, string Status, DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt, bool SlaBreached, int ReopenCount);

    public sealed record SurveyLine(Guid SurveyId, string Trigger, DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt, int? Csat, int? Nps);

    public sealed record TagLine(string Code, string Name, string NameZh, DateTimeOffset AddedAt, DateTimeOffset? RemovedAt);

    public sealed record RfmView(int Recency, int Frequency, int Monetary, string Code);

    public sealed record ChurnView(double? Probability, bool AtRisk, IReadOnlyList<ReasonView> Reasons);

    public sealed record ReasonView(string Feature, string Text, double Contribution);

    public sealed record ConsentLine(string Purpose, string Channel, string State);

    public sealed record InsightView(DateTimeOffset RefreshedAt, int? Segment, string? SegmentName, RfmView Rfm, decimal LifetimeValue, string Currency, string LifecycleStage, ChurnView Churn);

    public sealed record Profile(
        Guid CustomerId,
        IdentityView Identity,
        IReadOnlyList<ApplicationLine> Applications,
        IReadOnlyList<LoanLine> Loans,
        IReadOnlyList<PaymentLine> Payments,
        IReadOnlyList<CaseLine> Cases,
        IReadOnlyList<SurveyLine> Surveys,
        IReadOnlyList<TagLine> Tags,
        IReadOnlyList<TagLine> TagHistory,
        InsightView? Insight,
        IReadOnlyList<ConsentLine> Consents);

    public async Task<Profile?> GetAsync(Actor actor, Guid customerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsStaff)
        {
            return null;
        }

        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, ct).ConfigureAwait(false);
        if (customer is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var name = protector.Unprotect(customer.FullNameCipher);
        var seesName = SeesNames.Contains(actor.Role);
        // Every look at a customer's file by staff is on the record: who, when, and whether the name was shown whole.
        await Audit.AuditLog.SaveWithAsync(db, [new Audit.AuditEvent(actor.AuditName, "customer.profile.read", "customer", customerId.ToString(), new { NameShown = seesName })], now, ct).ConfigureAwait(false);
        var identity = new IdentityView(seesName ? name : MaskName(name), !seesName, customer.NationalIdMasked, MobileNumber.Mask(protector.Unprotect(customer.MobileCipher)),
            customer.DateOfBirth.Year, customer.CreatedAt);

        var applications = (await db.Applications.AsNoTracking().Where(a => a.CustomerId == customerId).OrderByDescending(a => a.SubmittedAt).ToListAsync(ct).ConfigureAwait(false))
            .Select(a => new ApplicationLine(a.Id, a.Reference, LifecycleText.Of(a.Status), a.Channel, a.SubmittedAt, a.Grade, a.VehiclePrice, a.DownPayment, a.TermMonths, $"{a.VehicleYear} {a.VehicleMake} {a.VehicleModel} ({a.VehicleCondition}, {a.VehicleEnergy})")
            {
                VehicleName = $"{a.VehicleYear} {a.VehicleMake} {a.VehicleModel}",
                VehicleCondition = a.VehicleCondition,
                VehicleEnergy = a.VehicleEnergy,
            })
            .ToList();
        var facts = (await new CustomerBook(db).LoadAsync(today, now, customerId, ct).ConfigureAwait(false)).Single();
        var loans = facts.Loans.OrderByDescending(l => l.Loan.BookedAt).Select(l =>
        {
            var next = l.Installments.FirstOrDefault(i => !i.IsPaid);
            return new LoanLine(l.Loan.Id, l.Loan.Reference, LoanStatusText.Of(l.Loan.Status), l.Loan.Principal, l.Outstanding, Math.Round(l.Loan.AnnualRate * 100m, 4), l.Loan.TermMonths,
                l.RemainingInstalments, l.Loan.DaysPastDue, l.Loan.Bucket, next?.DueDate, next is null ? null : InstallmentBook.Due(next).Total, l.Loan.LoanToValue, l.Loan.OnWatchList);
        }).ToList();
        var payments = facts.Loans.SelectMany(l => l.Payments).OrderByDescending(p => p.PaidOn).ThenByDescending(p => p.ReceivedAt).Take(50)
            .Select(p => new PaymentLine(p.Id, p.LoanId, p.PaidOn, p.Amount, PostingStatusText.Of(p.Status), p.Prepaid)).ToList();
        var policy = serviceDesk.Policy();
        var cases = (await db.ServiceCases.AsNoTracking().Where(c => c.CustomerId == customerId).OrderByDescending(c => c.OpenedAt).Take(50).ToListAsync(ct).ConfigureAwait(false))
            .Select(c => new CaseLine(c.Id, c.Reference, c.Kind, c.Category, c.Priority, CaseStatusText.Of(c.Status), c.OpenedAt, c.ResolvedAt, CaseQueries.SlaOf(policy, c, now).Breached, c.ReopenCount)).ToList();
        var surveys = (await db.Surveys.AsNoTracking().Where(s => s.CustomerId == customerId).OrderByDescending(s => s.CreatedAt).Take(50).ToListAsync(ct).ConfigureAwait(false))
            .Select(s => new SurveyLine(s.Id, s.Trigger, s.CreatedAt, s.AnsweredAt, s.Csat, s.Nps)).ToList();
        var tagRows = await db.CustomerTags.AsNoTracking().Where(t => t.CustomerId == customerId).OrderByDescending(t => t.AddedAt).ToListAsync(ct).ConfigureAwait(false);
        var catalogue = Insight.Tags.TagCatalogue.Default.Tags.ToDictionary(t => t.Code);
        TagLine Tag(CustomerTagRow t) => new(t.Tag, catalogue.TryGetValue(t.Tag, out var c) ? c.NameEn : t.Tag, catalogue.TryGetValue(t.Tag, out var z) ? z.NameZh : t.Tag, t.AddedAt, t.RemovedAt);
        var insightRow = await db.CustomerInsights.AsNoTracking().FirstOrDefaultAsync(i => i.CustomerId == customerId, ct).ConfigureAwait(false);
        var insight = insightRow is null ? null : new InsightView(
            insightRow.RefreshedAt, insightRow.Segment, insightRow.SegmentName,
            new RfmView(insightRow.RfmRecency, insightRow.RfmFrequency, insightRow.RfmMonetary, $"{insightRow.RfmRecency}{insightRow.RfmFrequency}{insightRow.RfmMonetary}"),
            insightRow.LifetimeValue, insightRow.Currency, insightRow.LifecycleStage,
            new ChurnView(insightRow.ChurnProbability, insightRow.AtRisk, Json.Deserialize<List<ReasonView>>(insightRow.ChurnReasonsJson) ?? []));
        var consents = await ConsentCommands.CurrentAsync(db, customerId, now, ct).ConfigureAwait(false);
        return new Profile(customerId, identity, applications, loans, payments, cases, surveys,
            [.. tagRows.Where(t => t.RemovedAt is null).Select(Tag)], [.. tagRows.Select(Tag)], insight, consents);
    }

    /// <summary>A name with only its first character shown ("李*", "L*** N*").</summary>
    public static string MaskName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part =>
            part.Length <= 1 ? part : string.Concat(part.AsSpan(0, 1), new string('*', part.Length - 1))));
    }
}
