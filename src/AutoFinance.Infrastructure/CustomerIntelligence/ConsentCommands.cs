using AutoFinance.Application.Security;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Insight.Offers;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.CustomerIntelligence;

/// <summary>
/// Consent, kept as an append-only history of events (granted or withdrawn, per purpose and channel, with where the
/// customer said so); the state at any instant is read by <see cref="ConsentLedger"/> — the latest event decides,
/// a withdrawal outranks a grant at the same instant, and no event means no consent. A customer reads and records
/// their own; staff record what a customer told them (by phone, in a branch, on paper).
/// </summary>
public sealed class ConsentCommands(AutoFinanceDbContext db, Notifications.Notifier notifier, TimeProvider time)
{
    public static readonly string[] Purposes = ["marketing", "service"];

    public static readonly string[] Channels = ["sms", "email", "app", "phone"];

    public static readonly string[] Sources = ["app", "web", "phone", "branch", "paper", "import"];

    public sealed record ConsentInput(string? Purpose, string? Channel, bool? Granted, string? Source);

    public sealed record ConsentEvent(long Id, string Purpose, string Channel, bool Granted, DateTimeOffset RecordedAt, string Source, string RecordedBy);

    public sealed record ConsentList(Guid CustomerId, IReadOnlyList<Customer360.ConsentLine> Current, IReadOnlyList<ConsentEvent> History);

    public async Task<ConsentList?> ListAsync(Actor actor, Guid customerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayAct(actor, customerId) || !await db.Customers.AnyAsync(c => c.Id == customerId, ct).ConfigureAwait(false))
        {
            return null;
        }

        var history = await db.Consents.AsNoTracking().Where(c => c.CustomerId == customerId).OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        return new ConsentList(customerId, await CurrentAsync(db, customerId, time.GetUtcNow(), ct).ConfigureAwait(false),
            [.. history.Select(c => new ConsentEvent(c.Id, c.Purpose, c.Channel, c.Granted, c.RecordedAt, c.Source, c.RecordedBy))]);
    }

    public async Task<CommandResult<ConsentList>> RecordAsync(Actor actor, Guid customerId, ConsentInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (!MayAct(actor, customerId) || !await db.Customers.AnyAsync(c => c.Id == customerId, ct).ConfigureAwait(false))
        {
            return CommandResult<ConsentList>.NotFound();
        }

        var errors = new List<FieldError>();
        var purpose = input.Purpose?.Trim().ToLowerInvariant();
        var channel = input.Channel?.Trim().ToLowerInvariant();
        var source = input.Source?.Trim().ToLowerInvariant() ?? (actor.Role == Roles.Customer ? "app" : "phone");
        if (purpose is null || !Purposes.Contains(purpose))
        {
            errors.Add(new("purpose", $"must be one of {string.Join(", ", Purposes)}", "field.one-of"));
        }

        if (channel is null || !Channels.Contains(channel))
        {
            errors.Add(new("channel", $"must be one of {string.Join(", ", Channels)}", "field.one-of"));
        }

        if (input.Granted is null)
        {
            errors.Add(new("granted", "is required: true to grant, false to withdraw", "field.required"));
        }

        if (!Sources.Contains(source))
        {
            errors.Add(new("source", $"must be one of {string.Join(", ", Sources)}", "field.one-of"));
        }
        else if (actor.Role == Roles.Customer && source is not ("app" or "web"))
        {
            errors.Add(new("source", "a customer records consent in the app or on the web", "consent.source"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<ConsentList>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var row = new ConsentRow { CustomerId = customerId, Purpose = purpose!, Channel = channel!, Granted = input.Granted!.Value, RecordedAt = now, Source = source, RecordedBy = actor.AuditName };
        db.Consents.Add(row);
        await notifier.RaiseAsync(ChangedNotice(customerId, $"{customerId}:{now.UtcTicks}:{purpose}:{channel}", purpose!, channel! switch
        {
            "sms" => new Domain.Notifications.NoticeText("短信", "SMS"),
            "email" => new Domain.Notifications.NoticeText("电子邮件", "e-mail"),
            "app" => new Domain.Notifications.NoticeText("应用内", "in the app"),
            _ => new Domain.Notifications.NoticeText("电话", "phone"),
        }, row.Granted), ct).ConfigureAwait(false);
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, row.Granted ? "consent.granted" : "consent.withdrawn", "customer", customerId.ToString(), new { row.Purpose, row.Channel, row.Source })], now, ct).ConfigureAwait(false);
        return CommandResult<ConsentList>.Ok((await ListAsync(actor, customerId, ct).ConfigureAwait(false))!);
    }

    /// <summary>
    /// Withdraws marketing consent on every channel where it stands granted, on the customer's word given outside the
    /// app (a reply "TD" to a text, <paramref name="source"/> "sms-reply"): a withdrawal per channel in the history, one
    /// notice telling the customer, audited. The channels withdrawn; none when marketing stood granted nowhere, and
    /// nothing is written then.
    /// </summary>
    public async Task<IReadOnlyList<string>> WithdrawMarketingAsync(Guid customerId, string source, string recordedBy, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var records = await RecordsAsync(db, customerId, ct).ConfigureAwait(false);
        var id = customerId.ToString();
        var granted = Enum.GetValues<ContactChannel>()
            .Where(c => ConsentLedger.StateAt(records, id, ConsentPurpose.Marketing, c, now) == ConsentState.Granted)
            .Select(c => c.ToString().ToLowerInvariant()).ToList();
        if (granted.Count == 0)
        {
            return [];
        }

        foreach (var channel in granted)
        {
            db.Consents.Add(new ConsentRow { CustomerId = customerId, Purpose = "marketing", Channel = channel, Granted = false, RecordedAt = now, Source = source, RecordedBy = recordedBy });
        }

        await notifier.RaiseAsync(ChangedNotice(customerId, $"{customerId}:{now.UtcTicks}:marketing:{source}", "marketing", new Domain.Notifications.NoticeText("所有渠道", "every channel"), granted: false), ct).ConfigureAwait(false);
        await AuditLog.SaveWithAsync(db, [new AuditEvent(recordedBy, "consent.withdrawn", "customer", id, new { Purpose = "marketing", Channels = granted, Source = source })], now, ct).ConfigureAwait(false);
        return granted;
    }

    /// <summary>Every purpose and channel's state at <paramref name="at"/>.</summary>
    public static async Task<IReadOnlyList<Customer360.ConsentLine>> CurrentAsync(AutoFinanceDbContext db, Guid customerId, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var records = await RecordsAsync(db, customerId, ct).ConfigureAwait(false);
        var id = customerId.ToString();
        return [.. Enum.GetValues<ConsentPurpose>().SelectMany(p => Enum.GetValues<ContactChannel>().Select(c =>
            new Customer360.ConsentLine(p.ToString().ToLowerInvariant(), c.ToString().ToLowerInvariant(), State(ConsentLedger.StateAt(records, id, p, c, at)))))];
    }

    /// <summary>The customer's consent events as the offer rules read them.</summary>
    public static async Task<IReadOnlyList<ConsentRecord>> RecordsAsync(AutoFinanceDbContext db, Guid customerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Consents.AsNoTracking().Where(c => c.CustomerId == customerId).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(r => new ConsentRecord(r.CustomerId.ToString(), Enum.Parse<ConsentPurpose>(r.Purpose, true), Enum.Parse<ContactChannel>(r.Channel, true), r.Granted, r.RecordedAt))];
    }

    private static string State(ConsentState state) => state switch
    {
        ConsentState.Granted => "granted",
        ConsentState.Withdrawn => "withdrawn",
        _ => "never-given",
    };

    private static Domain.Notifications.Notice ChangedNotice(Guid customerId, string key, string purpose, Domain.Notifications.NoticeText channel, bool granted) =>
        new(Domain.Notifications.NoticeEvent.ConsentChanged, customerId, null, key, new Dictionary<string, object>
        {
            ["purpose"] = purpose == "marketing" ? new Domain.Notifications.NoticeText("营销信息", "marketing") : new Domain.Notifications.NoticeText("服务信息", "service messages"),
            ["channel"] = channel,
            ["state"] = granted ? new Domain.Notifications.NoticeText("已授权", "granted") : new Domain.Notifications.NoticeText("已撤回", "withdrawn"),
        });

    private static bool MayAct(Actor actor, Guid customerId) =>
        actor.IsStaff || (actor.Role == Roles.Customer && actor.CustomerId == customerId);
}
