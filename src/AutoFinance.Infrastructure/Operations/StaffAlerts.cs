using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Operations;

/// <summary>Raises, lists and acknowledges the alerts staff see on the jobs and model pages.</summary>
public sealed class StaffAlerts(AutoFinanceDbContext db, TimeProvider time)
{
    public sealed record AlertView(Guid AlertId, string Kind, string Severity, string Detail, double? Figure, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

    /// <summary>Raises an alert once per de-duplication key; the new alert, or null when it had been raised already.</summary>
    public async Task<StaffAlertRow?> RaiseAsync(string kind, string dedupeKey, string severity, string detail, double? figure, CancellationToken ct)
    {
        if (await db.StaffAlerts.AnyAsync(a => a.DedupeKey == dedupeKey, ct).ConfigureAwait(false))
        {
            return null;
        }

        var alert = new StaffAlertRow
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Kind = kind,
            DedupeKey = dedupeKey,
            Severity = severity,
            Detail = detail,
            Figure = figure,
            RaisedAt = time.GetUtcNow(),
        };
        db.StaffAlerts.Add(alert);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return alert;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e, "staff_alerts"))
        {
            db.ChangeTracker.Clear();
            return null;
        }
    }

    /// <summary>Alerts not yet acknowledged, newest first (and the latest acknowledged ones when asked).</summary>
    public async Task<IReadOnlyList<AlertView>> ListAsync(bool includeAcknowledged, CancellationToken ct) =>
        (await db.StaffAlerts.AsNoTracking().Where(a => includeAcknowledged || a.AcknowledgedAt == null).OrderByDescending(a => a.RaisedAt).Take(100).ToListAsync(ct).ConfigureAwait(false))
            .Select(a => new AlertView(a.Id, a.Kind, a.Severity, a.Detail, a.Figure, a.RaisedAt, a.AcknowledgedAt, a.AcknowledgedBy)).ToList();

    public async Task<bool> AcknowledgeAsync(Guid id, string by, CancellationToken ct)
    {
        var alert = await db.StaffAlerts.FirstOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (alert is null)
        {
            return false;
        }

        if (alert.AcknowledgedAt is null)
        {
            alert.AcknowledgedAt = time.GetUtcNow();
            alert.AcknowledgedBy = by;
            await Audit.AuditLog.SaveWithAsync(db, [new Audit.AuditEvent(by, "alert.acknowledged", "alert", id.ToString(), new { alert.Kind })], time.GetUtcNow(), ct).ConfigureAwait(false);
        }

        return true;
    }
}
