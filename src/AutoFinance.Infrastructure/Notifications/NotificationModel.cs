using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Notifications;

/// <summary>The tables of notifications: the customers' preferences (the notices themselves are outbox rows).</summary>
public static class NotificationModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<NotificationPreferenceRow>(e =>
        {
            e.ToTable("notification_preferences");
            e.HasKey(p => new { p.CustomerId, p.Purpose, p.Channel });
            e.Property(p => p.Purpose).HasMaxLength(16);
            e.Property(p => p.Channel).HasMaxLength(16);
            e.Property(p => p.UpdatedBy).HasMaxLength(200);
        });
    }
}
