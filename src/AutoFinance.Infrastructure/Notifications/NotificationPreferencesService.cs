using AutoFinance.Application.Security;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing.Reminders;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Notifications;

/// <summary>
/// A customer's notification preferences: which channels each purpose uses, read and changed by the customer (or by
/// staff on the customer's word). Every change is audited.
/// </summary>
public sealed class NotificationPreferencesService(AutoFinanceDbContext db, NotificationOptions options, TimeProvider time)
{
    public sealed record Choice(string Purpose, string Channel, bool Enabled, bool Fixed);

    public sealed record PreferencesView(Guid CustomerId, string Language, bool HasEmail, bool EmailEnabled, string QuietFrom, string QuietUntil, IReadOnlyList<Choice> Choices);

    public sealed record ChoiceInput(string? Purpose, string? Channel, bool? Enabled);

    /// <param name="Language">The language for what is sent (zh-CN or en); null leaves it as it is.</param>
    public sealed record PreferencesInput(IReadOnlyList<ChoiceInput>? Choices, string? Language = null);

    public async Task<PreferencesView?> GetAsync(Actor actor, Guid? customerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Whose(actor, customerId) is not { } customer)
        {
            return null;
        }

        var recipients = await Recipients.LoadAsync(db, [customer], ct).ConfigureAwait(false);
        if (!recipients.TryGetValue(customer, out var recipient))
        {
            return null;
        }

        var choices = NoticePurposes.All.SelectMany(p => NoticeChannels.All.Select(c =>
            new Choice(p.ToName(), c.ToName(), recipient.Preferences.Wants(p, c), NotificationPreferences.IsFixed(p, c))));
        return new PreferencesView(customer, recipient.Language, recipient.HasEmail, options.EmailEnabled,
            options.QuietHours.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            options.QuietHours.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), [.. choices]);
    }

    public async Task<CommandResult<PreferencesView>> SetAsync(Actor actor, Guid? customerId, PreferencesInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (Whose(actor, customerId) is not { } customer || !await db.Customers.AnyAsync(c => c.Id == customer, ct).ConfigureAwait(false))
        {
            return CommandResult<PreferencesView>.NotFound();
        }

        var errors = new List<FieldError>();
        var wanted = new List<(NoticePurpose Purpose, NoticeChannel Channel, bool Enabled)>();
        if (input.Choices is not { Count: > 0 } && input.Language is null)
        {
            errors.Add(new("choices", "give at least one choice of purpose, channel and enabled, or a language", "field.required"));
        }

        var language = input.Language is null ? null : KnownLanguage(input.Language);
        if (input.Language is not null && language is null)
        {
            errors.Add(FieldProblems.OneOf("language", input.Language, [ReminderFormat.SimplifiedChinese, ReminderFormat.English]));
        }

        foreach (var (choice, i) in (input.Choices ?? []).Select((c, i) => (c, i)))
        {
            var purpose = NoticePurposes.FromName(choice?.Purpose);
            var channel = NoticeChannels.FromName(choice?.Channel);
            if (purpose is null)
            {
                errors.Add(new($"choices[{i}].purpose", "must be one of servicing, reminders, marketing", "field.one-of"));
            }

            if (channel is null)
            {
                errors.Add(new($"choices[{i}].channel", "must be one of in-app, sms, email", "field.one-of"));
            }

            if (choice?.Enabled is null)
            {
                errors.Add(new($"choices[{i}].enabled", "is required: true or false", "field.required"));
            }
            else if (purpose is { } p && channel is { } c)
            {
                if (NotificationPreferences.IsFixed(p, c) && choice.Enabled == false)
                {
                    errors.Add(new($"choices[{i}].enabled", "servicing notices always stay in the inbox", "notifications.fixed"));
                }

                wanted.Add((p, c, choice.Enabled.Value));
            }
        }

        if (errors.Count > 0)
        {
            return CommandResult<PreferencesView>.Invalid(errors);
        }

        if (language is not null)
        {
            var row = await db.Customers.FirstAsync(c => c.Id == customer, ct).ConfigureAwait(false);
            row.NoticeLanguage = language;
        }

        await SaveAsync(customer, wanted, actor.AuditName, null, ct, language).ConfigureAwait(false);
        return CommandResult<PreferencesView>.Ok((await GetAsync(actor, customer, ct).ConfigureAwait(false))!);
    }

    /// <summary>
    /// Switches marketing off on every channel, as a refusal the customer made (a reply "TD" to a text), audited with
    /// where it came from; false when marketing was refused everywhere already, and nothing is written then.
    /// </summary>
    public async Task<bool> WithdrawMarketingAsync(Guid customerId, string actorName, string source, CancellationToken ct)
    {
        var refused = await db.NotificationPreferences.AsNoTracking()
            .CountAsync(p => p.CustomerId == customerId && p.Purpose == NoticePurpose.Marketing.ToName() && !p.Enabled, ct).ConfigureAwait(false);
        if (refused == NoticeChannels.All.Count)
        {
            return false;
        }

        await SaveAsync(customerId, [.. NoticeChannels.All.Select(c => (NoticePurpose.Marketing, c, false))], actorName, source, ct).ConfigureAwait(false);
        return true;
    }

    private async Task SaveAsync(Guid customer, IReadOnlyList<(NoticePurpose Purpose, NoticeChannel Channel, bool Enabled)> wanted, string actorName, string? source, CancellationToken ct, string? language = null)
    {
        var now = time.GetUtcNow();
        var rows = await db.NotificationPreferences.Where(p => p.CustomerId == customer).ToListAsync(ct).ConfigureAwait(false);
        foreach (var (purpose, channel, enabled) in wanted)
        {
            var row = rows.Find(r => r.Purpose == purpose.ToName() && r.Channel == channel.ToName());
            if (row is null)
            {
                row = new NotificationPreferenceRow { CustomerId = customer, Purpose = purpose.ToName(), Channel = channel.ToName(), UpdatedBy = actorName };
                db.NotificationPreferences.Add(row);
                rows.Add(row);
            }

            row.Enabled = enabled;
            row.UpdatedAt = now;
            row.UpdatedBy = actorName;
        }

        await AuditLog.SaveWithAsync(db, [new AuditEvent(actorName, "notifications.preferences", "customer", customer.ToString(),
            new { Choices = wanted.Select(w => new { Purpose = w.Purpose.ToName(), Channel = w.Channel.ToName(), w.Enabled }), Source = source, Language = language })], now, ct).ConfigureAwait(false);
    }

    private static string? KnownLanguage(string text) => text.Trim().ToLowerInvariant() switch
    {
        "zh-cn" or "zh" => ReminderFormat.SimplifiedChinese,
        "en" => ReminderFormat.English,
        _ => null,
    };

    private static Guid? Whose(Actor actor, Guid? customerId) =>
        actor.Role == Roles.Customer ? actor.CustomerId : actor.IsStaff ? customerId : null;
}
