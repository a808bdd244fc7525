using System.Linq.Expressions;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing.Reminders;
using AutoFinance.Infrastructure.Origination;
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
        var read = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(Shape(db)).ToListAsync(ct).ConfigureAwait(false);
        return read.ToDictionary(r => r.CustomerId, r => r.ToRecipient());
    }

    /// <summary>
    /// What is read of a customer to write to them, from their row, in one query with the language they chose (else
    /// their latest application's) and their preference rows. (Selected as one row of a larger query it costs more than it saves: EF
    /// numbers every customer row to pick one.)
    /// </summary>
    private static Expression<Func<CustomerRow, Read>> Shape(AutoFinanceDbContext db) => c => new Read
    {
        CustomerId = c.Id,
        HasMobile = c.MobileCipher != "",
        HasEmail = c.EmailCipher != null,
        LatestLanguage = c.NoticeLanguage ?? db.Applications.Where(a => a.CustomerId == c.Id).OrderByDescending(a => a.SubmittedAt).Select(a => a.Language).FirstOrDefault(),
        Choices = db.NotificationPreferences.Where(p => p.CustomerId == c.Id).ToList(),
    };

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

    /// <summary>A customer as <see cref="Shape"/> reads them.</summary>
    private sealed class Read
    {
        public Guid CustomerId { get; init; }

        public bool HasMobile { get; init; }

        public bool HasEmail { get; init; }

        /// <summary>The language they chose for notices, else their latest application's; null when neither.</summary>
        public string? LatestLanguage { get; init; }

        public List<NotificationPreferenceRow> Choices { get; init; } = [];

        public Recipient ToRecipient() => Of(CustomerId, LatestLanguage, HasMobile, HasEmail, Choices);
    }
}
