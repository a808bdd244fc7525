using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Origination.Lifecycle;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.CustomerIntelligence;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Search;

/// <summary>
/// Staff's one search box. Personal data is stored encrypted with a keyed hash beside it, so a name, mobile, national
/// ID or VIN is found by hashing what was typed the way it was hashed when stored and looking the hash up; references
/// (application, loan, case) are matched exactly, whatever their case. Every lookup is one indexed equality, so the
/// answer time does not grow with the book. Names are shown as the customer 360 shows them (masked for roles that do
/// not see names); mobiles are always masked.
/// </summary>
public sealed class BackOfficeSearch(AutoFinanceDbContext db, ILookupHasher hasher, IPersonalDataProtector protector)
{
    public const int MinimumLength = 2;

    public sealed record CustomerHit(Guid CustomerId, string Name, bool NameMasked, string NationalIdMasked, string MobileMasked, IReadOnlyList<string> MatchedOn);

    public sealed record RecordHit(Guid Id, string Reference, string Status, Guid CustomerId, string MatchedOn);

    public sealed record Results(string Query, IReadOnlyList<CustomerHit> Customers, IReadOnlyList<RecordHit> Applications, IReadOnlyList<RecordHit> Loans, IReadOnlyList<RecordHit> Cases)
    {
        public bool Empty => Customers.Count + Applications.Count + Loans.Count + Cases.Count == 0;
    }

    public async Task<Results> FindAsync(Actor actor, string query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var text = (query ?? string.Empty).Trim();
        if (text.Length < MinimumLength)
        {
            return new Results(text, [], [], [], []);
        }

        var upper = text.Normalize().ToUpperInvariant();
        var matches = new Dictionary<Guid, List<string>>();
        void Matched(IEnumerable<Guid> ids, string key)
        {
            foreach (var id in ids)
            {
                (matches.TryGetValue(id, out var keys) ? keys : matches[id] = []).Add(key);
            }
        }

        var nameHash = hasher.Hash("name", upper);
        Matched(await db.Customers.AsNoTracking().Where(c => c.FullNameHash == nameHash).Select(c => c.Id).Take(100).ToListAsync(ct).ConfigureAwait(false), "name");
        if (MobileNumber.Normalize(text) is { } mobile)
        {
            var mobileHash = hasher.Hash("mobile", mobile);
            Matched(await db.Customers.AsNoTracking().Where(c => c.MobileHash == mobileHash).Select(c => c.Id).Take(100).ToListAsync(ct).ConfigureAwait(false), "mobile");
        }

        var idHash = hasher.Hash("national-id", upper);
        Matched(await db.Customers.AsNoTracking().Where(c => c.NationalIdHash == idHash).Select(c => c.Id).ToListAsync(ct).ConfigureAwait(false), "national-id");

        var vinHash = hasher.Hash("vin", upper);
        var byVin = await db.Applications.AsNoTracking().Where(a => a.VinHash == vinHash).OrderByDescending(a => a.SubmittedAt).Take(100).ToListAsync(ct).ConfigureAwait(false);
        Matched(byVin.Select(a => a.CustomerId).Distinct(), "vin");

        var applications = byVin.Select(a => new RecordHit(a.Id, a.Reference, LifecycleText.Of(a.Status), a.CustomerId, "vin")).ToList();
        applications.AddRange((await db.Applications.AsNoTracking().Where(a => a.Reference == upper).ToListAsync(ct).ConfigureAwait(false))
            .Select(a => new RecordHit(a.Id, a.Reference, LifecycleText.Of(a.Status), a.CustomerId, "application")));

        var vinApplications = byVin.Select(a => a.Id).ToList();
        var loans = (await db.Loans.AsNoTracking().Where(l => l.Reference == upper || vinApplications.Contains(l.ApplicationId)).ToListAsync(ct).ConfigureAwait(false))
            .Select(l => new RecordHit(l.Id, l.Reference, LoanStatusText.Of(l.Status), l.CustomerId, l.Reference == upper ? "loan" : "vin")).ToList();
        var cases = (await db.ServiceCases.AsNoTracking().Where(c => c.Reference == upper).ToListAsync(ct).ConfigureAwait(false))
            .Select(c => new RecordHit(c.Id, c.Reference, Domain.ServiceDesk.CaseStatusText.Of(c.Status), c.CustomerId, "case")).ToList();

        var seesNames = Customer360.SeesNames.Contains(actor.Role);
        var ids = matches.Keys.ToList();
        var customers = (await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct).ConfigureAwait(false))
            .Select(c =>
            {
                var name = protector.Unprotect(c.FullNameCipher);
                return new CustomerHit(c.Id, seesNames ? name : Customer360.MaskName(name), !seesNames, c.NationalIdMasked, MobileNumber.Mask(protector.Unprotect(c.MobileCipher)), matches[c.Id]);
            })
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return new Results(text, customers, applications.DistinctBy(a => a.Id).ToList(), loans, cases);
    }
}
