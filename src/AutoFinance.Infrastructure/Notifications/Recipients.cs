using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing.Reminders;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Notifications;

/// <summary>
/// Reads who notices go to: a customer's language is that of their latest application (Simplified Chinese when
/// they have none), the addresses are those on file, the preferences their choices over the defaults.
/// </summary>
public static class Recipients
{
    public static async Task<IReadOnlyDictionary<Guid, Recipient>> LoadAsync(AutoFinanceDbContext db, IReadOnlyCollection<Guid> customerIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(customerIds);
        if (customerIds.Count == 0)
        {
            return new Dictionary<Guid, Recipient>();
        }

        var ids = customerIds.Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, HasMobile = c.MobileCipher != "", HasEmail = c.EmailCipher != null })
            .ToListAsync(ct).ConfigureAwait(false);
        var languages = (await db.Applications.AsNoTracking().Where(a => ids.Contains(a.CustomerId))
                .Select(a => new { a.CustomerId, a.SubmittedAt, a.Language }).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(a => a.CustomerId)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.SubmittedAt)!.Language);
        var choices = (await db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.CustomerId)).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(p => p.CustomerId);
        return customers.ToDictionary(c => c.Id, c => Of(c.Id, languages.GetValueOrDefault(c.Id), c.HasMobile, c.HasEmail, choices[c.Id]));
    }

    /// <summary>A recipient from what was read of them: the language of their latest application (null when none), whether they have a mobile and an e-mail, their preference rows.</summary>
    public static Recipient Of(Guid customerId, string? latestLanguage, bool hasMobile, bool hasEmail, IEnumerable<NotificationPreferenceRow> choices) =>
        new(customerId, ReminderFormat.Language(latestLanguage ?? ReminderFormat.SimplifiedChinese), hasMobile, hasEmail, Preferences(choices));

    public static NotificationPreferences Preferences(IEnumerable<NotificationPreferenceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var choices = new Dictionary<(NoticePurpose, NoticeChannel), bool>();
        foreach (var row in rows)
        {
            if (NoticePurposes.FromName(row.Purpose) is { } purpose && NoticeChannels.FromName(row.Channel) is { } channel)
            {
                choices[(purpose, channel)] = row.Enabled;
            }
        }

        return new NotificationPreferences(choices);
    }
}
