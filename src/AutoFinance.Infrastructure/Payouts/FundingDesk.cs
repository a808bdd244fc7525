using System.Globalization;
using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Documents;
using AutoFinance.Domain.Lifecycle;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Domain.Origination.Lifecycle;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// A contract's funding file: the facts staff record (insurance, mortgage registration, GPS), the checklist the
/// domain computes from them, the product and the documents (<see cref="FundingChecklist"/>), the payee and amount
/// the payout would go to, and the payouts made so far.
/// </summary>
public sealed class FundingDesk(AutoFinanceDbContext db, ProductCatalog products, SettlementAccounts accounts, TimeProvider time)
{
    public sealed record FactsInput(string? InsurancePolicyNumber, string? Insurer, string? MortgageRegistrationNumber, DateOnly? MortgageRegisteredOn, string? GpsDeviceId);

    public sealed record CheckView(FundingItem Item, string Code, bool Required, bool Met, IReadOnlyList<string> Missing);

    /// <summary>The facts as last recorded; <paramref name="RecordedByDealer"/> when the dealer gave them, for the underwriter to check before paying.</summary>
    public sealed record FactsView(string? InsurancePolicyNumber, string? Insurer, string? MortgageRegistrationNumber, DateOnly? MortgageRegisteredOn, string? GpsDeviceId, DateTimeOffset? RecordedAt, bool RecordedByDealer);

    public sealed record PayeeView(string Name, string Bank, string AccountNumberMasked);

    public sealed record FundingView(
        Guid ContractId, string ContractReference, Guid ApplicationId, string ApplicationReference, string Status, decimal Amount, string Currency,
        bool Ready, IReadOnlyList<CheckView> Checklist, FactsView Facts, PayeeView? Payee, IReadOnlyList<PayoutView> Payouts, Guid? LoanId)
    {
        /// <summary>The loan is booked but its dealer's bank sent the payout back: the dealer is to be paid again (<see cref="DealerRepayment"/>).</summary>
        public bool OwedToDealer { get; init; }

        /// <summary>Where the money to the dealer stands (<see cref="FundingStages"/>): awaiting-checklist, ready-to-pay, payout-pending, payout-failed, paid or returned.</summary>
        public string Stage { get; init; } = string.Empty;

        /// <summary>The business date the contract was signed: the mortgage cannot have been registered before it.</summary>
        public DateOnly SignedOn { get; init; }
    }

    /// <summary>The code of a mortgage registration dated before the contract it secures was signed.</summary>
    public const string MortgageBeforeSigningCode = "funding.mortgage-before-signing";

    /// <summary>The code of a mortgage registration number too short, or without a digit, to be one.</summary>
    public const string MortgageNumberCode = "funding.mortgage-number";

    /// <summary>
    /// The funding file of a contract as the actor may see it (<see cref="ApplicationAccess.CanSeeFunding"/>), or null
    /// when there is no such contract or it is not theirs to see. A dealer sees its own payouts, not the customer's refunds.
    /// </summary>
    public async Task<FundingView?> ViewAsync(Actor actor, Guid contractId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, ct).ConfigureAwait(false);
        if (contract is null)
        {
            return null;
        }

        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == contract.ApplicationId, ct).ConfigureAwait(false);
        return ApplicationAccess.CanSeeFunding(actor, application) ? await ViewAsync(contract, application, actor.IsStaff, ct).ConfigureAwait(false) : null;
    }

    private async Task<FundingView> ViewAsync(ContractRow contract, ApplicationRow application, bool withRefunds, CancellationToken ct)
    {
        var contractId = contract.Id;
        var offer = await db.Offers.AsNoTracking().FirstAsync(o => o.Id == contract.OfferId, ct).ConfigureAwait(false);
        var facts = await db.Set<ContractFundingRow>().AsNoTracking().FirstOrDefaultAsync(f => f.ContractId == contractId, ct).ConfigureAwait(false);
        var checks = await ChecklistAsync(application, facts, ct).ConfigureAwait(false);
        var payee = await accounts.PayeeAsync(application.DealerId, ct).ConfigureAwait(false);
        var payouts = await db.Set<PayoutRow>().AsNoTracking().Where(p => p.ContractId == contractId && (withRefunds || p.Purpose != PayoutPurpose.Refund)).ToListAsync(ct).ConfigureAwait(false);
        var loanId = await db.Loans.AsNoTracking().Where(l => l.ContractId == contractId).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        (PayoutPurpose, PayoutStatus)[] newestFirst = [.. payouts.OrderByDescending(p => p.CreatedAt).Select(p => (p.Purpose, p.Status))];
        return new FundingView(
            contract.Id, contract.Reference, application.Id, application.Reference, LifecycleText.Of(contract.Status), offer.Principal, offer.Currency,
            FundingChecklist.Unmet(checks).Count == 0,
            [.. checks.Select(c => new CheckView(c.Item, c.Code, c.Required, c.Met, c.Missing))],
            new FactsView(facts?.InsurancePolicyNumber, facts?.Insurer, facts?.MortgageRegistrationNumber, facts?.MortgageRegisteredOn, facts?.GpsDeviceId, facts?.RecordedAt,
                facts?.RecordedBy.StartsWith("dealer:", StringComparison.Ordinal) == true),
            payee is null ? null : new PayeeView(payee.Name, payee.Bank, payee.AccountNumberMasked),
            [.. payouts.OrderByDescending(p => p.CreatedAt).Select(PayoutView.Of)],
            loanId)
        {
            OwedToDealer = contract.Status == ContractStatus.Booked && DealerRepayment.Due(newestFirst),
            SignedOn = SignedOn(contract),
            Stage = StateWords<FundingStage>.Of(FundingStages.Of(contract.Status, FundingChecklist.Unmet(checks).Count == 0, newestFirst)),
        };
    }

    /// <summary>
    /// A dealer's page of its applications, each with a contract given the stage its funding is at
    /// (<see cref="FundingStages"/>), so the dealer sees at a glance what holds its money; other readers' pages as they are.
    /// </summary>
    public async Task<Search.ListPage<ApplicationSummary>> WithStagesAsync(Actor actor, Search.ListPage<ApplicationSummary> page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(page);
        if (actor.Role != Roles.Dealer || page.Items.All(a => a.ContractStatus is null))
        {
            return page;
        }

        var ids = page.Items.Where(a => a.ContractStatus is not null).Select(a => a.ApplicationId).ToList();
        var contracts = await db.Contracts.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).ToListAsync(ct).ConfigureAwait(false);
        var contractIds = contracts.Select(c => c.Id).ToList();
        var payouts = (await db.Set<PayoutRow>().AsNoTracking().Where(p => contractIds.Contains(p.ContractId) && p.Purpose != PayoutPurpose.Refund)
                .Select(p => new { p.ContractId, p.Purpose, p.Status, p.CreatedAt }).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(p => p.ContractId);
        var stages = new Dictionary<Guid, FundingStage>();
        foreach (var contract in contracts)
        {
            var complete = contract.Status != ContractStatus.Signed || await ChecklistCompleteAsync(contract, ct).ConfigureAwait(false);
            stages[contract.ApplicationId] = FundingStages.Of(contract.Status, complete,
                [.. payouts[contract.Id].OrderByDescending(p => p.CreatedAt).Select(p => (p.Purpose, p.Status))]);
        }

        return page with
        {
            Items = [.. page.Items.Select(a => stages.TryGetValue(a.ApplicationId, out var stage) ? a with { FundingStage = StateWords<FundingStage>.Of(stage) } : a)],
        };
    }

    /// <summary>A dealer's application with its funding stage, as its list gives it (<see cref="WithStagesAsync"/>); other readers' as it is.</summary>
    public async Task<ApplicationDetail> WithStageAsync(Actor actor, ApplicationDetail detail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var page = await WithStagesAsync(actor, new Search.ListPage<ApplicationSummary>([detail.Summary], 1, 1, 1), ct).ConfigureAwait(false);
        return detail with { Summary = page.Items[0] };
    }

    private async Task<bool> ChecklistCompleteAsync(ContractRow contract, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == contract.ApplicationId, ct).ConfigureAwait(false);
        var facts = await db.Set<ContractFundingRow>().AsNoTracking().FirstOrDefaultAsync(f => f.ContractId == contract.Id, ct).ConfigureAwait(false);
        return FundingChecklist.Unmet(await ChecklistAsync(application, facts, ct).ConfigureAwait(false)).Count == 0;
    }

    /// <summary>The checklist of a contract's application with the facts recorded on it.</summary>
    public async Task<IReadOnlyList<FundingCheck>> ChecklistAsync(ApplicationRow application, ContractFundingRow? facts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        var policy = (await products.FindAsync(db, application.ProductCode, ct).ConfigureAwait(false))?.Policy ?? ProductPolicy.Default;
        var documents = (await db.Documents.AsNoTracking().Where(d => d.ApplicationId == application.Id).Select(d => new { d.Kind, d.Status }).ToListAsync(ct).ConfigureAwait(false))
            .Where(d => DocumentKindNames.Parse(d.Kind) is not null)
            .Select(d => (DocumentKindNames.Parse(d.Kind)!.Value, d.Status)).ToList();
        var condition = string.Equals(application.VehicleCondition, "used", StringComparison.OrdinalIgnoreCase) ? VehicleCondition.Used : VehicleCondition.New;
        return FundingChecklist.Evaluate(policy, condition, new FundingFacts(
            documents, facts?.InsurancePolicyNumber, facts?.Insurer, facts?.MortgageRegistrationNumber, facts?.MortgageRegisteredOn, facts?.GpsDeviceId));
    }

    private DateOnly SignedOn(ContractRow contract) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(contract.AcceptedAt, time.LocalTimeZone).DateTime);

    /// <summary>Records the facts as given (a blank field clears it) on a contract not yet paid out.</summary>
    public async Task<CommandResult<FundingView>> RecordAsync(Actor actor, Guid contractId, FactsInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, ct).ConfigureAwait(false);
        var application = contract is null ? null : await db.Applications.AsNoTracking().FirstAsync(a => a.Id == contract.ApplicationId, ct).ConfigureAwait(false);
        if (contract is null || application is null || !ApplicationAccess.CanRecordFunding(actor, application))
        {
            return CommandResult<FundingView>.NotFound();
        }

        if (contract.Status != ContractStatus.Signed)
        {
            return CommandResult<FundingView>.Conflict($"the contract is {LifecycleText.Of(contract.Status)}; the funding facts are fixed once the payout is instructed", "funding.fixed",
                FieldProblems.Figures(("status", LifecycleText.Of(contract.Status))));
        }

        var errors = new List<FieldError>();
        string? Text(string field, string? value)
        {
            var trimmed = value?.Trim();
            if (trimmed is { Length: > 64 })
            {
                errors.Add(new FieldError(field, "is at most 64 characters", "field.length", FieldProblems.Figures(("min", "0"), ("max", "64"))));
            }

            return string.IsNullOrEmpty(trimmed) ? null : trimmed;
        }

        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var policyNumber = Text("insurancePolicyNumber", input.InsurancePolicyNumber);
        var insurer = Text("insurer", input.Insurer);
        var registration = Text("mortgageRegistrationNumber", input.MortgageRegistrationNumber);
        var gps = Text("gpsDeviceId", input.GpsDeviceId);
        if (input.MortgageRegisteredOn is { } on && on > today)
        {
            errors.Add(new FieldError("mortgageRegisteredOn", "cannot be in the future", "field.not-future"));
        }
        else if (input.MortgageRegisteredOn is { } registered && SignedOn(contract) is var signedOn && registered < signedOn)
        {
            var signed = signedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            errors.Add(new FieldError("mortgageRegisteredOn", $"cannot be before the contract was signed on {signed}: the mortgage secures it", MortgageBeforeSigningCode, FieldProblems.Figures(("signedOn", signed))));
        }

        if (registration is { } number && (number.Length < 6 || !number.Any(char.IsAsciiDigit)))
        {
            errors.Add(new FieldError("mortgageRegistrationNumber", "is not a registration number: at least 6 characters with its digits", MortgageNumberCode));
        }

        if (errors.Count > 0)
        {
            return CommandResult<FundingView>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var row = await db.Set<ContractFundingRow>().FirstOrDefaultAsync(f => f.ContractId == contractId, ct).ConfigureAwait(false);
        if (row is null)
        {
            row = new ContractFundingRow { ContractId = contractId, RecordedBy = actor.AuditName };
            db.Add(row);
        }

        row.InsurancePolicyNumber = policyNumber;
        row.Insurer = insurer;
        row.MortgageRegistrationNumber = registration;
        row.MortgageRegisteredOn = input.MortgageRegisteredOn;
        row.GpsDeviceId = gps;
        row.RecordedBy = actor.AuditName;
        row.RecordedAt = now;
        row.Version++;
        try
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "contract.funding-recorded", "contract", contractId.ToString(),
                new { policyNumber, insurer, registration, input.MortgageRegisteredOn, gps })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<FundingView>.Conflict("the funding facts changed meanwhile; reload them", "record.changed");
        }

        return CommandResult<FundingView>.Ok(await ViewAsync(contract, application, actor.IsStaff, ct).ConfigureAwait(false));
    }
}
