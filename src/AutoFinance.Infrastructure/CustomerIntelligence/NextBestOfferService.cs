using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Insight.Offers;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.CustomerIntelligence;

/// <summary>
/// The next best offer for a customer on a channel, by <see cref="NextBestOffer"/>: eligibility from the customer's
/// most recent active loan, marketing consent from the consent history, frequency caps from the marketing contact
/// log. Every product's decision is logged; the offer made (if any) is logged as a marketing contact, so the next
/// decision counts it against the caps; the whole is audited.
/// </summary>
/// <remarks>
/// Facts the rules read: the loan's rate against <see cref="InsightOptions.MarketRate"/>; loan-to-value from end of
/// day (else balance over price); the worst current delinquency bucket; the vehicle's age from its model year; the
/// insurance taken out with the car and renewed yearly on the loan's start date (days to the next anniversary).
/// </remarks>
public sealed class NextBestOfferService(AutoFinanceDbContext db, InsightOptions options, TimeProvider time)
{
    public sealed record DecisionLine(string Product, string Outcome, string? Reason, double Propensity, string Detail);

    public sealed record OfferResult(Guid DecisionId, Guid CustomerId, string Channel, DateTimeOffset DecidedAt, string? Offer, double? Propensity, IReadOnlyList<DecisionLine> Decisions);

    public async Task<CommandResult<OfferResult>> DecideAsync(Actor actor, Guid customerId, string? channelName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsStaff || !await db.Customers.AnyAsync(c => c.Id == customerId, ct).ConfigureAwait(false))
        {
            return CommandResult<OfferResult>.NotFound();
        }

        var name = string.IsNullOrWhiteSpace(channelName) ? "app" : channelName.Trim().ToLowerInvariant();
        if (!ConsentCommands.Channels.Contains(name))
        {
            return CommandResult<OfferResult>.Invalid("channel", $"must be one of {string.Join(", ", ConsentCommands.Channels)}", "field.one-of");
        }

        var channel = Enum.Parse<ContactChannel>(name, true);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var facts = (await new CustomerBook(db).LoadAsync(today, now, customerId, ct).ConfigureAwait(false)).Single();
        var loan = facts.ActiveLoans.OrderByDescending(l => l.Loan.StartDate).FirstOrDefault();
        if (loan is null)
        {
            return CommandResult<OfferResult>.Conflict("the customer has no active loan to base an offer on", "offer.no-active-loan");
        }

        var anniversary = loan.Loan.StartDate.AddYears(Math.Max(1, today.Year - loan.Loan.StartDate.Year));
        while (anniversary <= today)
        {
            anniversary = anniversary.AddYears(1);
        }

        var customer = new OfferCustomer(customerId.ToString(), loan.Loan.AnnualRate, options.MarketRate, Math.Max(0, CustomerBook.MonthsBetween(loan.Loan.StartDate, today)),
            loan.RemainingInstalments, loan.LoanToValue, facts.MaxBucket, anniversary.DayNumber - today.DayNumber, Math.Max(0, today.Year - loan.VehicleYear), facts.Sessions3m);
        var consents = await ConsentCommands.RecordsAsync(db, customerId, ct).ConfigureAwait(false);
        var since = now - NextBestOfferOptions.Default.Caps.Window;
        var contacts = (await db.MarketingContacts.AsNoTracking().Where(c => c.CustomerId == customerId && c.SentAt > since).ToListAsync(ct).ConfigureAwait(false))
            .Select(c => new MarketingContact(customerId.ToString(), Enum.Parse<ContactChannel>(c.Channel, true), Enum.Parse<OfferProduct>(c.Product.Replace("-", string.Empty, StringComparison.Ordinal), true), c.SentAt)).ToList();
        var decided = new NextBestOffer(NextBestOfferOptions.Default).Decide(customer, channel, now, consents, contacts);

        var decisionId = Guid.CreateVersion7(now);
        var lines = decided.Decisions.Select(d => new DecisionLine(Word(d.Product), d.Outcome == OfferOutcome.Offered ? "offered" : "suppressed",
            d.Reason is { } r ? Word(r) : null, Math.Round(d.Propensity, 4), d.Detail)).ToList();
        foreach (var line in lines)
        {
            db.OfferDecisions.Add(new OfferDecisionRow
            {
                DecisionId = decisionId, CustomerId = customerId, Product = line.Product, Channel = name, DecidedAt = now,
                Outcome = line.Outcome, Reason = line.Reason, Propensity = line.Propensity, Detail = line.Detail, DecidedBy = actor.AuditName,
            });
        }

        if (decided.Offer is { } offer)
        {
            db.MarketingContacts.Add(new MarketingContactRow { CustomerId = customerId, Channel = name, Product = Word(offer.Product), SentAt = now, DecisionId = decisionId });
        }

        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "offer.decided", "customer", customerId.ToString(),
            new { DecisionId = decisionId, Channel = name, Offer = decided.Offer is { } o ? Word(o.Product) : null, Suppressed = lines.Where(l => l.Outcome == "suppressed").Select(l => new { l.Product, l.Reason }) })], now, ct).ConfigureAwait(false);
        return CommandResult<OfferResult>.Ok(new OfferResult(decisionId, customerId, name, now, decided.Offer is { } chosen ? Word(chosen.Product) : null,
            decided.Offer is { } p ? Math.Round(p.Propensity, 4) : null, lines));
    }

    /// <summary>An enum value as the API writes it (kebab-case: insurance-renewal, consent-withdrawn).</summary>
    public static string Word<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
