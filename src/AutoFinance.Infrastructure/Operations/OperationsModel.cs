using AutoFinance.Domain.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Operations;

/// <summary>The tables of the scheduler's run history and the staff alerts.</summary>
public static class OperationsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<JobRunRow>(e =>
        {
            e.ToTable("job_runs");
            e.HasIndex(r => new { r.Job, r.Occurrence }).IsUnique();
            e.HasIndex(r => new { r.Job, r.StartedAt });
            e.Property(r => r.Job).HasMaxLength(64);
            e.Property(r => r.Trigger).HasMaxLength(16);
            e.Property(r => r.Node).HasMaxLength(200);
            e.Property(r => r.Outcome).HasMaxLength(16).HasConversion(v => StateWords<JobOutcome>.Of(v), v => StateWords<JobOutcome>.Parse(v));
            e.Property(r => r.Detail).HasMaxLength(1000);
        });
        modelBuilder.Entity<StaffAlertRow>(e =>
        {
            e.ToTable("staff_alerts");
            e.HasIndex(a => a.DedupeKey).IsUnique();
            e.HasIndex(a => a.RaisedAt);
            e.Property(a => a.Detail).HasMaxLength(1000);
        });
    }
}
