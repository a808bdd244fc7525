using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.CustomerIntelligence;

/// <summary>Customer intelligence's tables: insights and tag history, refresh runs and segments, consent, offers, experiments.</summary>
public static class IntelligenceModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<CustomerInsightRow>(e =>
        {
            e.ToTable("customer_insights");
            e.HasKey(i => i.CustomerId);
            e.HasIndex(i => new { i.AtRisk, i.ChurnProbability });
            e.Property(i => i.LifetimeValue).HasPrecision(18, Persistence.AutoFinanceDbContext.MoneyScale);
        });
        modelBuilder.Entity<CustomerTagRow>(e =>
        {
            e.ToTable("customer_tags");
            e.HasIndex(t => new { t.CustomerId, t.RemovedAt });
        });
        modelBuilder.Entity<InsightRunRow>(e =>
        {
            e.ToTable("insight_runs");
            e.HasIndex(r => r.RanAt);
        });
        modelBuilder.Entity<SegmentRow>(e =>
        {
            e.ToTable("segments");
            e.HasIndex(s => new { s.RunId, s.Number }).IsUnique();
        });
        modelBuilder.Entity<ConsentRow>(e =>
        {
            e.ToTable("consents");
            e.HasIndex(c => new { c.CustomerId, c.RecordedAt });
        });
        modelBuilder.Entity<OfferDecisionRow>(e =>
        {
            e.ToTable("offer_decisions");
            e.HasIndex(d => new { d.CustomerId, d.DecidedAt });
        });
        modelBuilder.Entity<MarketingContactRow>(e =>
        {
            e.ToTable("marketing_contacts");
            e.HasIndex(c => new { c.CustomerId, c.SentAt });
        });
        modelBuilder.Entity<ExperimentRow>(e =>
        {
            e.ToTable("experiments");
            e.HasKey(x => x.Id);
        });
        modelBuilder.Entity<ExperimentExposureRow>(e =>
        {
            e.ToTable("experiment_exposures");
            e.HasIndex(x => new { x.ExperimentId, x.SubjectId }).IsUnique();
            e.HasIndex(x => new { x.ExperimentId, x.Variant });
        });
    }
}
