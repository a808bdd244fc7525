using AutoFinance.Domain.ServiceDesk;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.ServiceDesk;

/// <summary>The service desk's tables: cases, their messages, satisfaction surveys and the knowledge base.</summary>
public static class ServiceDeskModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ServiceCaseRow>(e =>
        {
            e.ToTable("service_cases");
            e.HasIndex(c => c.Reference).IsUnique();
            e.HasIndex(c => new { c.CustomerId, c.OpenedAt });
            e.HasIndex(c => new { c.Status, c.ResolutionDueAt });
            e.HasIndex(c => new { c.AssignedTo, c.Status });
            e.Property(c => c.Status).HasConversion(v => CaseStatusText.Of(v), v => CaseStatusText.Parse(v));
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<CaseMessageRow>(e =>
        {
            e.ToTable("case_messages");
            e.HasIndex(m => new { m.CaseId, m.At });
        });
        modelBuilder.Entity<SurveyRow>(e =>
        {
            e.ToTable("surveys");
            e.HasIndex(s => new { s.Trigger, s.SubjectId }).IsUnique();
            e.HasIndex(s => new { s.CustomerId, s.AnsweredAt });
        });
        modelBuilder.Entity<KnowledgeArticleRow>(e =>
        {
            e.ToTable("knowledge_articles");
            e.HasIndex(a => new { a.Slug, a.Language }).IsUnique();
        });
    }
}
