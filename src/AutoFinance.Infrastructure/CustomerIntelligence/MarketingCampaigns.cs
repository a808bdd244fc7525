using AutoFinance.Application.Security;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Insight.Offers;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.CustomerIntelligence;

/// <summary>
/// A marketing campaign sent from the console: one offer to the customers who opted in (marketing consent granted in
/// the consent history, per channel: SMS, e-mail, the app's inbox), optionally those of one segment of the last
/// insight refresh. A customer is left out when no channel is consented, when they switched marketing off there in
/// their notification settings, or when the frequency cap (<see cref="MarketingFrequencyCap"/>) is reached. Each
/// message goes through the outbox in the customer's language, held until the quiet hours end when sent at night
/// (never dropped), and each customer reached is logged as a marketing contact (what the cap counts). Audited.
/// </summary>
public sealed class MarketingCampaigns(AutoFinanceDbContext db, Notifications.Notifier notifier, TimeProvider time)
{
    /// <summary>The offers a campaign may send, with their words in both languages.</summary>
    public static readonly IReadOnlyDictionary<string, (NoticeText Offer, NoticeText Details)> Offers = new Dictionary<string, (NoticeText, NoticeText)>(StringComparer.Ordinal)
    {
        ["refinance"] = (new("转贷优惠", "A lower rate for your car loan"), new("现在转贷可享更低利率，登录查看您的专属方案。", "Refinance now at a lower rate; sign in to see your plan.")),
        ["top-up"] = (new("追加贷款", "A top-up on your loan"), new("按时还款的您可申请追加额度，登录查看可用额度。", "As you pay on time, you can add to your loan; sign in to see how much.")),
        ["insurance-renewal"] = (new("车险续保", "Your car insurance renewal"), new("续保时间将到，登录查看续保报价。", "Your insurance is due for renewal; sign in for a quote.")),
        ["trade-in"] = (new("以旧换新", "Trade in your car"), new("您的爱车可折价换新，登录查看估价和新车方案。", "Your car can be traded in for a new one; sign in for a valuation.")),
    };

    public sealed record CampaignInput(string? Offer, int? Segment);

    /// <param name="Audience">Customers with a marketing consent on record (in the segment when one is named).</param>
    /// <param name="Reached">Customers sent the offer on at least one channel.</param>
    /// <param name="Messages">Messages written to the outbox (one per customer and channel).</param>
    /// <param name="HeldForQuietHours">Of those, the ones waiting for the quiet hours to end.</param>
    /// <param name="NotOptedIn">Customers with no channel consented and switched on.</param>
    /// <param name="Capped">Customers left out by the frequency cap.</param>
    public sealed record CampaignResult(Guid CampaignId, string Offer, int? Segment, DateTimeOffset SentAt, int Audience, int Reached, int Messages, int HeldForQuietHours, int NotOptedIn, int Capped);

    public async Task<Application.Common.CommandResult<CampaignResult>> SendAsync(Actor actor, CampaignInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var offer = input.Offer?.Trim().ToLowerInvariant();
        var errors = new List<FieldError>();
        if (offer is null || !Offers.ContainsKey(offer))
        {
            errors.Add(new("offer", $"must be one of {string.Join(", ", Offers.Keys)}", "field.one-of"));
        }

        if (input.Segment is { } asked && !await db.CustomerInsights.AsNoTracking().AnyAsync(i => i.Segment == asked, ct).ConfigureAwait(false))
        {
            // Only the segments the last refresh made exist: a number beyond them would send to nobody, silently.
            var segments = await db.CustomerInsights.AsNoTracking().Where(i => i.Segment != null).Select(i => i.Segment!.Value).Distinct().OrderBy(s => s).ToListAsync(ct).ConfigureAwait(false);
            errors.Add(new("segment", $"must be a segment of the last insight refresh ({(segments.Count == 0 ? "none yet" : string.Join(", ", segments))})", "marketing.segment-unknown",
                FieldProblems.Figures(("segments", string.Join(", ", segments)))));
        }

        if (errors.Count > 0)
        {
            return Application.Common.CommandResult<CampaignResult>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var campaignId = Guid.CreateVersion7(now);
        var consents = await db.Consents.AsNoTracking().Where(c => c.Purpose == "marketing").ToListAsync(ct).ConfigureAwait(false);
        var audience = consents.Select(c => c.CustomerId).Distinct().ToList();
        if (input.Segment is { } segment)
        {
            var inSegment = (await db.CustomerInsights.AsNoTracking().Where(i => i.Segment == segment).Select(i => i.CustomerId).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
            audience = [.. audience.Where(inSegment.Contains)];
        }

        var since = now - MarketingFrequencyCap.Default.Window;
        var earlier = (await db.MarketingContacts.AsNoTracking().Where(c => c.SentAt > since).Select(c => new { c.CustomerId, c.DecisionId, c.SentAt }).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(c => c.CustomerId).ToDictionary(g => g.Key, g => g.DistinctBy(c => c.DecisionId).Select(c => c.SentAt).ToList());
        var records = consents.Select(r => new ConsentRecord(r.CustomerId.ToString(), ConsentPurpose.Marketing, Enum.Parse<ContactChannel>(r.Channel, true), r.Granted, r.RecordedAt)).ToList();
        var (words, details) = Offers[offer!];
        var notices = new List<Notice>();
        var capped = 0;
        foreach (var customer in audience)
        {
            var channels = Consented(records, customer, now);
            if (channels.Count == 0)
            {
                continue;
            }

            if (!MarketingFrequencyCap.Default.Allows(earlier.GetValueOrDefault(customer) ?? [], now))
            {
                capped++;
                continue;
            }

            notices.Add(new Notice(NoticeEvent.MarketingOffer, customer, null, $"{campaignId}:{customer}", new Dictionary<string, object> { ["offer"] = words, ["details"] = details }) { Channels = channels });
        }

        await notifier.RaiseAsync(notices, ct).ConfigureAwait(false);
        var messages = db.Outbox.Local.Where(m => m.Template == "marketing.offer" && m.DedupeKey.Contains(campaignId.ToString(), StringComparison.Ordinal)).ToList();
        foreach (var message in messages)
        {
            db.MarketingContacts.Add(new MarketingContactRow { CustomerId = message.CustomerId!.Value, Channel = message.Channel == "in-app" ? "app" : message.Channel, Product = offer!, SentAt = now, DecisionId = campaignId });
        }

        var reached = messages.Select(m => m.CustomerId).Distinct().Count();
        // Held: released later than written (the notices are composed a moment after this campaign read the clock).
        var result = new CampaignResult(campaignId, offer!, input.Segment, now, audience.Count, reached, messages.Count, messages.Count(m => m.NextAttemptAt > m.CreatedAt), audience.Count - reached - capped, capped);
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "marketing.campaign.sent", "campaign", campaignId.ToString(),
            new { result.Offer, result.Segment, result.Audience, result.Reached, result.Messages, result.HeldForQuietHours, result.NotOptedIn, result.Capped })], now, ct).ConfigureAwait(false);
        return Application.Common.CommandResult<CampaignResult>.Ok(result);
    }

    /// <summary>The notice channels whose marketing consent stands granted at <paramref name="at"/> (the app's is the inbox).</summary>
    private static List<NoticeChannel> Consented(IReadOnlyList<ConsentRecord> records, Guid customer, DateTimeOffset at)
    {
        var id = customer.ToString();
        var channels = new List<NoticeChannel>();
        foreach (var (contact, notice) in new[] { (ContactChannel.App, NoticeChannel.InApp), (ContactChannel.Sms, NoticeChannel.Sms), (ContactChannel.Email, NoticeChannel.Email) })
        {
            if (ConsentLedger.StateAt(records, id, ConsentPurpose.Marketing, contact, at) == ConsentState.Granted)
            {
                channels.Add(notice);
            }
        }

        return channels;
    }
}
