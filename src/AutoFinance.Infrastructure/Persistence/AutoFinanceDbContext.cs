using AutoFinance.Domain.Lifecycle;
using AutoFinance.Domain.Origination.Lifecycle;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Origination;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// The platform's database. One model for both providers; each provider has its own subclass only so that each
/// keeps its own migrations (SQLite stores money as integer minor units and timestamps as UTC ticks).
/// </summary>
public abstract class AutoFinanceDbContext(DbContextOptions options) : DbContext(options)
{
    public const int MoneyScale = 2;
    public const int RateScale = 8;

    /// <summary>The key of the audit chain, from the context's options (see <see cref="AuditChainKeyOptions"/>).</summary>
    internal byte[]? AuditChainKey { get; } = options.FindExtension<AuditChainKeyExtension>()?.Key;

    public DbSet<DealerRow> Dealers => Set<DealerRow>();

    public DbSet<CustomerRow> Customers => Set<CustomerRow>();

    public DbSet<ApplicationRow> Applications => Set<ApplicationRow>();

    public DbSet<OfferRow> Offers => Set<OfferRow>();

    public DbSet<StatusChangeRow> StatusChanges => Set<StatusChangeRow>();

    public DbSet<ReferralRow> Referrals => Set<ReferralRow>();

    public DbSet<ContractRow> Contracts => Set<ContractRow>();

    public DbSet<Documents.DocumentRow> Documents => Set<Documents.DocumentRow>();

    public DbSet<BlacklistRow> Blacklist => Set<BlacklistRow>();

    public DbSet<ProductRow> Products => Set<ProductRow>();

    public DbSet<ProductVersionRow> ProductVersions => Set<ProductVersionRow>();

    public DbSet<IdempotencyRow> IdempotencyRecords => Set<IdempotencyRow>();

    public DbSet<UserRow> Users => Set<UserRow>();

    public DbSet<SessionRow> Sessions => Set<SessionRow>();

    public DbSet<AuditEntryRow> AuditEntries => Set<AuditEntryRow>();

    public DbSet<Servicing.LoanRow> Loans => Set<Servicing.LoanRow>();

    public DbSet<Servicing.InstallmentRow> Installments => Set<Servicing.InstallmentRow>();

    public DbSet<Servicing.JournalEntryRow> JournalEntries => Set<Servicing.JournalEntryRow>();

    public DbSet<Servicing.JournalLineRow> JournalLines => Set<Servicing.JournalLineRow>();

    public DbSet<Servicing.PaymentRow> Payments => Set<Servicing.PaymentRow>();

    public DbSet<Servicing.OutboxMessageRow> Outbox => Set<Servicing.OutboxMessageRow>();

    public DbSet<Servicing.CobPartitionRow> CobPartitions => Set<Servicing.CobPartitionRow>();

    public DbSet<Servicing.CollectionContactRow> CollectionContacts => Set<Servicing.CollectionContactRow>();

    public DbSet<Servicing.HardshipPlanRow> HardshipPlans => Set<Servicing.HardshipPlanRow>();

    public DbSet<Servicing.HardshipRequestRow> HardshipRequests => Set<Servicing.HardshipRequestRow>();

    public DbSet<Models.ModelVersionRow> ModelVersions => Set<Models.ModelVersionRow>();

    public DbSet<Approvals.ApprovalRow> Approvals => Set<Approvals.ApprovalRow>();

    public DbSet<Operations.JobRunRow> JobRuns => Set<Operations.JobRunRow>();

    public DbSet<Operations.StaffAlertRow> StaffAlerts => Set<Operations.StaffAlertRow>();

    public DbSet<ServiceDesk.ServiceCaseRow> ServiceCases => Set<ServiceDesk.ServiceCaseRow>();

    public DbSet<ServiceDesk.CaseMessageRow> CaseMessages => Set<ServiceDesk.CaseMessageRow>();

    public DbSet<ServiceDesk.SurveyRow> Surveys => Set<ServiceDesk.SurveyRow>();

    public DbSet<ServiceDesk.KnowledgeArticleRow> KnowledgeArticles => Set<ServiceDesk.KnowledgeArticleRow>();

    public DbSet<CustomerIntelligence.CustomerInsightRow> CustomerInsights => Set<CustomerIntelligence.CustomerInsightRow>();

    public DbSet<CustomerIntelligence.CustomerTagRow> CustomerTags => Set<CustomerIntelligence.CustomerTagRow>();

    public DbSet<CustomerIntelligence.InsightRunRow> InsightRuns => Set<CustomerIntelligence.InsightRunRow>();

    public DbSet<CustomerIntelligence.SegmentRow> Segments => Set<CustomerIntelligence.SegmentRow>();

    public DbSet<CustomerIntelligence.ConsentRow> Consents => Set<CustomerIntelligence.ConsentRow>();

    public DbSet<CustomerIntelligence.OfferDecisionRow> OfferDecisions => Set<CustomerIntelligence.OfferDecisionRow>();

    public DbSet<CustomerIntelligence.MarketingContactRow> MarketingContacts => Set<CustomerIntelligence.MarketingContactRow>();

    public DbSet<CustomerIntelligence.ExperimentRow> Experiments => Set<CustomerIntelligence.ExperimentRow>();

    public DbSet<CustomerIntelligence.ExperimentExposureRow> ExperimentExposures => Set<CustomerIntelligence.ExperimentExposureRow>();

    public DbSet<Verification.OneTimeCodeRow> OneTimeCodes => Set<Verification.OneTimeCodeRow>();

    public DbSet<Verification.SignInGuardRow> SignInGuards => Set<Verification.SignInGuardRow>();

    public DbSet<Bureau.BureauAuthorisationRow> BureauAuthorisations => Set<Bureau.BureauAuthorisationRow>();

    public DbSet<Bureau.CreditReportRow> CreditReports => Set<Bureau.CreditReportRow>();

    public DbSet<ApplicationDraftRow> ApplicationDrafts => Set<ApplicationDraftRow>();
    public DbSet<Notifications.NotificationPreferenceRow> NotificationPreferences => Set<Notifications.NotificationPreferenceRow>();

    protected abstract bool StoresDecimalsAsIntegers { get; }

    /// <summary>
    /// Whether an update that changes no indexed column and finds room in the row's page is written there without
    /// touching the indexes (PostgreSQL's heap-only updates): the loans' indexes and storage are then laid out for it.
    /// </summary>
    protected abstract bool UpdatesRowsInPlace { get; }

    /// <summary>How full PostgreSQL fills a page of loans on insert, in per cent: the rest is room for the daily close's new versions.</summary>
    private const int LoanFillFactor = 80;

    /// <summary>The same for instalments, of which a close changes about one a page.</summary>
    private const int InstallmentFillFactor = 90;

    /// <summary>
    /// A statement that, inside a transaction, makes every other writer of the audit chain wait until it ends, so
    /// processes sharing one database (not only threads sharing one gate) append in order.
    /// </summary>
    public abstract string AuditChainLockSql { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<DealerRow>(e =>
        {
            e.ToTable("dealers");
            e.Property(d => d.Email).HasMaxLength(254);
            e.Property(d => d.Language).HasMaxLength(8);
            e.HasIndex(d => d.Code).IsUnique();
            e.HasIndex(d => d.ApiKeyHash).IsUnique();
        });
        modelBuilder.Entity<CustomerRow>(e =>
        {
            e.ToTable("customers");
            e.Property(c => c.NoticeLanguage).HasMaxLength(8);
            e.HasIndex(c => c.NationalIdHash).IsUnique();
            e.HasIndex(c => c.MobileHash);
            e.HasIndex(c => c.FullNameHash);
        });
        modelBuilder.Entity<ApplicationRow>(e =>
        {
            e.ToTable("applications");
            e.HasIndex(a => a.Reference).IsUnique();
            e.HasIndex(a => new { a.NationalIdHash, a.SubmittedAt });
            e.HasIndex(a => new { a.MobileHash, a.SubmittedAt });
            e.HasIndex(a => new { a.ClientIpHash, a.SubmittedAt });
            e.HasIndex(a => new { a.DeviceIdHash, a.SubmittedAt });
            e.HasIndex(a => new { a.DealerId, a.SubmittedAt });
            e.HasIndex(a => new { a.CustomerId, a.SubmittedAt });
            e.HasIndex(a => new { a.Status, a.SubmittedAt });
            e.HasIndex(a => a.VinHash);
            e.Property(a => a.Status).HasConversion(v => LifecycleText.Of(v), v => LifecycleText.ApplicationOf(v));
            e.Property(a => a.VehiclePrice).HasPrecision(18, MoneyScale);
            e.Property(a => a.DownPayment).HasPrecision(18, MoneyScale);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasMany(a => a.Offers).WithOne().HasForeignKey(o => o.ApplicationId);
            e.HasMany(a => a.History).WithOne().HasForeignKey(h => h.ApplicationId);
        });
        modelBuilder.Entity<OfferRow>(e =>
        {
            e.ToTable("offers");
            e.HasIndex(o => new { o.ApplicationId, o.Rank }).IsUnique();
            foreach (var money in new[] { nameof(OfferRow.DownPayment), nameof(OfferRow.Principal), nameof(OfferRow.Subsidy), nameof(OfferRow.FirstPayment), nameof(OfferRow.MaxPayment), nameof(OfferRow.TotalInterest), nameof(OfferRow.TotalFees), nameof(OfferRow.TotalRepayable) })
            {
                e.Property(money).HasPrecision(18, MoneyScale);
            }

            e.Property(o => o.AnnualRate).HasPrecision(18, RateScale);
            e.Property(o => o.CardRate).HasPrecision(18, RateScale);
            e.Property(o => o.AprPercent).HasPrecision(18, RateScale);
            e.Property(o => o.BalloonFraction).HasPrecision(18, RateScale);
        });
        modelBuilder.Entity<StatusChangeRow>(e =>
        {
            e.ToTable("application_status_history");
            e.HasIndex(s => new { s.ApplicationId, s.At });
            e.Property(s => s.Status).HasConversion(v => LifecycleText.Of(v), v => LifecycleText.ApplicationOf(v));
        });
        modelBuilder.Entity<ReferralRow>(e =>
        {
            e.ToTable("referrals");
            e.HasIndex(r => r.ApplicationId).IsUnique();
            e.HasIndex(r => new { r.ResolvedAt, r.DueAt });
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ContractRow>(e =>
        {
            e.ToTable("contracts");
            e.HasIndex(c => c.ApplicationId).IsUnique();
            e.HasIndex(c => c.Reference).IsUnique();
            e.HasIndex(c => new { c.VinHash, c.Status });
            e.Property(c => c.Status).HasConversion(v => LifecycleText.Of(v), v => LifecycleText.ContractOf(v));
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Documents.DocumentRow>(e =>
        {
            e.ToTable("documents");
            e.HasIndex(d => new { d.ApplicationId, d.Kind });
            e.HasIndex(d => new { d.Status, d.UploadedAt });
            e.Property(d => d.Status).HasConversion(v => StateWords<Domain.Documents.DocumentStatus>.Of(v), v => StateWords<Domain.Documents.DocumentStatus>.Parse(v));
            e.Property(d => d.Kind).HasMaxLength(40);
            e.Property(d => d.ContentType).HasMaxLength(40);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.Property(d => d.ThumbnailSha256).HasMaxLength(64);
            e.Property(d => d.Status).HasMaxLength(20);
            e.Property(d => d.RejectionReason).HasMaxLength(500);
            e.Property(d => d.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<BlacklistRow>(e =>
        {
            e.ToTable("blacklist");
            e.HasIndex(b => new { b.Kind, b.ValueHash });
        });
        modelBuilder.Entity<ProductRow>(e =>
        {
            e.ToTable("products");
            e.HasIndex(p => p.Code).IsUnique();
        });
        modelBuilder.Entity<ProductVersionRow>(e =>
        {
            e.ToTable("product_versions");
            e.HasIndex(v => new { v.Code, v.Version }).IsUnique();
            e.Property(v => v.Code).HasMaxLength(64);
            e.Property(v => v.ProposedBy).HasMaxLength(200);
            e.Property(v => v.ApprovedBy).HasMaxLength(200);
            e.Property(v => v.Reason).HasMaxLength(300);
        });
        modelBuilder.Entity<IdempotencyRow>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasIndex(i => new { i.Scope, i.Key }).IsUnique();
        });
        modelBuilder.Entity<UserRow>(e =>
        {
            e.ToTable("users");
            e.HasIndex(u => u.UserNameHash).IsUnique();
        });
        modelBuilder.Entity<SessionRow>(e =>
        {
            e.ToTable("sessions");
            e.HasIndex(s => s.TokenHash).IsUnique();
        });
        modelBuilder.Entity<AuditEntryRow>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();

            // The searches of the audit page, newest first: by who, what, which object, and when.
            e.HasIndex(a => new { a.Actor, a.Sequence });
            e.HasIndex(a => new { a.Action, a.Sequence });
            e.HasIndex(a => new { a.EntityId, a.Sequence });
            e.HasIndex(a => a.At);
        });

        modelBuilder.Entity<Servicing.LoanRow>(e =>
        {
            e.ToTable("loans");
            e.HasIndex(l => l.Reference).IsUnique();
            e.HasIndex(l => l.ContractId).IsUnique();
            e.HasIndex(l => new { l.CustomerId, l.Status });
            e.HasIndex(l => new { l.DealerId, l.Status });
            if (UpdatesRowsInPlace)
            {
                // Every close sets every active loan's last-close date: kept out of the partition index, with room
                // left in each page for the new versions, the close rewrites a loan in its own page and touches none
                // of the table's seven indexes (a heap-only update).
                e.HasIndex(l => new { l.Partition, l.Status });
                e.HasStorageParameter("fillfactor", LoanFillFactor);
            }
            else
            {
                e.HasIndex(l => new { l.Partition, l.Status, l.LastCloseDate });
            }

            e.HasIndex(l => new { l.Status, l.Bucket });
            e.Property(l => l.Status).HasConversion(v => LoanStatusText.Of(v), v => LoanStatusText.Parse(v));
            e.Property(l => l.Principal).HasPrecision(18, MoneyScale);
            e.Property(l => l.LoanToValue).HasPrecision(18, RateScale);
            e.Property(l => l.AnnualRate).HasPrecision(18, RateScale);
            e.Property(l => l.BalloonFraction).HasPrecision(18, RateScale);
            e.Property(l => l.RunningAccruedInterest).HasPrecision(18, MoneyScale);
            e.Property(l => l.RunningScheduledInterest).HasPrecision(18, MoneyScale);
            e.Property(l => l.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Servicing.InstallmentRow>(e =>
        {
            e.ToTable("installments");
            e.HasIndex(i => new { i.LoanId, i.Number }).IsUnique();
            e.HasIndex(i => i.DueDate);
            if (UpdatesRowsInPlace)
            {
                // A loan closed in full (not a quiet one: its running interest is kept on the loan's row) has its
                // instalments' recognised interest and payments rewritten, no indexed column: with room for the new
                // version in its page, the three indexes are left alone.
                e.HasStorageParameter("fillfactor", InstallmentFillFactor);
            }

            foreach (var money in new[]
            {
                nameof(Servicing.InstallmentRow.Payment), nameof(Servicing.InstallmentRow.Principal), nameof(Servicing.InstallmentRow.Interest), nameof(Servicing.InstallmentRow.Fee),
                nameof(Servicing.InstallmentRow.Balance), nameof(Servicing.InstallmentRow.PaidPrincipal), nameof(Servicing.InstallmentRow.PaidInterest), nameof(Servicing.InstallmentRow.PaidFee),
                nameof(Servicing.InstallmentRow.LateFee), nameof(Servicing.InstallmentRow.PaidLateFee), nameof(Servicing.InstallmentRow.Penalty), nameof(Servicing.InstallmentRow.PaidPenalty),
                nameof(Servicing.InstallmentRow.AccruedInterest), nameof(Servicing.InstallmentRow.WaivedLateFee), nameof(Servicing.InstallmentRow.WaivedPenalty),
            })
            {
                e.Property(money).HasPrecision(18, MoneyScale);
            }

            e.Property(i => i.PenaltyExact).HasPrecision(18, RateScale);
        });
        modelBuilder.Entity<Servicing.JournalEntryRow>(e =>
        {
            e.ToTable("journal_entries");
            e.HasIndex(j => new { j.LoanId, j.BusinessDate });
            // Most entries carry no payment (a loan accrues one a day): indexing only those that do keeps the index to
            // the payments' entries, and the close does not add an entry for each day's accrual to it.
            e.HasIndex(j => j.PaymentId).HasFilter("\"PaymentId\" IS NOT NULL");
            e.HasMany(j => j.Lines).WithOne().HasForeignKey(l => l.EntryId);
        });
        modelBuilder.Entity<Servicing.PaymentRow>(e =>
        {
            e.ToTable("payments");
            e.HasIndex(p => new { p.LoanId, p.IdempotencyKey }).IsUnique();
            e.HasIndex(p => new { p.LoanId, p.PaidOn });
            e.Property(p => p.Status).HasConversion(v => PostingStatusText.Of(v), v => PostingStatusText.Parse(v));
            e.Property(p => p.Amount).HasPrecision(18, MoneyScale);
            e.Property(p => p.Overpayment).HasPrecision(18, MoneyScale);
            e.Property(p => p.Prepaid).HasPrecision(18, MoneyScale);
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Servicing.OutboxMessageRow>(e =>
        {
            e.ToTable("outbox");
            e.HasIndex(m => m.DedupeKey).IsUnique();
            e.Property(m => m.Status).HasConversion(v => StateWords<Servicing.OutboxStatus>.Of(v), v => StateWords<Servicing.OutboxStatus>.Parse(v));
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
            e.HasIndex(m => m.CustomerId);
            e.HasIndex(m => m.DealerId);
        });
        modelBuilder.Entity<Servicing.CobPartitionRow>(e =>
        {
            e.ToTable("cob_partitions");
            e.HasKey(p => new { p.BusinessDate, p.Partition });
            e.Property(p => p.Status).HasConversion(v => StateWords<Servicing.PartitionStatus>.Of(v), v => StateWords<Servicing.PartitionStatus>.Parse(v));
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Servicing.CollectionContactRow>(e =>
        {
            e.ToTable("collection_contacts");
            e.HasIndex(c => new { c.LoanId, c.ContactedAt });
            e.Property(c => c.PromiseStatus).HasConversion(v => StateWords<Domain.Servicing.Collections.PromiseStatus>.Of(v!.Value), v => StateWords<Domain.Servicing.Collections.PromiseStatus>.Parse(v));
            e.HasIndex(c => new { c.PromiseStatus, c.PromisedDate });
            e.Property(c => c.PromisedAmount).HasPrecision(18, MoneyScale);
        });
        modelBuilder.Entity<Servicing.HardshipPlanRow>(e =>
        {
            e.ToTable("hardship_plans");
            e.HasIndex(h => h.LoanId);
        });
        modelBuilder.Entity<Servicing.HardshipRequestRow>(e =>
        {
            e.ToTable("hardship_requests");
            e.HasIndex(h => new { h.State, h.RequestedAt });
            e.HasIndex(h => h.LoanId);
            e.HasIndex(h => new { h.RequestedBy, h.IdempotencyKey }).IsUnique();
            e.Property(h => h.State).HasConversion(v => StateWords<Domain.Servicing.Hardship.HardshipRequestState>.Of(v), v => StateWords<Domain.Servicing.Hardship.HardshipRequestState>.Parse(v));
            e.Property(h => h.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Models.ModelVersionRow>(e =>
        {
            e.ToTable("model_versions");
            e.HasIndex(m => new { m.State, m.UploadedAt });
            e.Property(m => m.State).HasConversion(v => StateWords<Credit.Models.ModelVersionState>.Of(v), v => StateWords<Credit.Models.ModelVersionState>.Parse(v));
            e.Property(m => m.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Approvals.ApprovalRow>(e =>
        {
            e.ToTable("approvals");
            e.Property(a => a.Status).HasConversion(v => StateWords<Domain.Approvals.ApprovalStatus>.Of(v), v => StateWords<Domain.Approvals.ApprovalStatus>.Parse(v));
            e.HasIndex(a => new { a.Status, a.RequestedAt });
            e.HasIndex(a => new { a.Action, a.Target });
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Servicing.JournalLineRow>(e =>
        {
            e.ToTable("journal_lines");
            e.Property(l => l.Amount).HasPrecision(18, MoneyScale);
            // Only the few lines that hold a customer's money, by loan: their balances are read from these lines, not by
            // walking every entry of the loans asked about (a loan accrues an entry a day).
            e.HasIndex(l => l.LoanId, Servicing.CustomerCredit.LinesIndex).HasFilter(Servicing.CustomerCredit.LinesFilter);
        });

        modelBuilder.Entity<ApplicationDraftRow>(e =>
        {
            e.ToTable("application_drafts");
            e.HasKey(d => d.UserId);
        });

        ServiceDesk.ServiceDeskModel.Configure(modelBuilder);
        CustomerIntelligence.IntelligenceModel.Configure(modelBuilder);
        Verification.VerificationModel.Configure(modelBuilder);
        Notifications.NotificationModel.Configure(modelBuilder);
        AutoFinance.Infrastructure.Payments.PaymentsModel.Configure(modelBuilder);
        Payouts.PayoutsModel.Configure(modelBuilder);
        Operations.OperationsModel.Configure(modelBuilder);

        if (StoresDecimalsAsIntegers)
        {
            UseIntegerStorage(modelBuilder);
        }
    }

    private static void UseIntegerStorage(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.ClrType == typeof(decimal))
                {
                    var scale = property.GetScale() ?? throw new InvalidOperationException($"{entity.DisplayName()}.{property.Name} needs a precision");
                    property.SetValueConverter(new ScaledDecimalConverter(scale));
                }
                else if (property.ClrType == typeof(decimal?))
                {
                    var scale = property.GetScale() ?? throw new InvalidOperationException($"{entity.DisplayName()}.{property.Name} needs a precision");
                    property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<decimal?, long?>(
                        v => v.HasValue ? ScaledDecimalConverter.ToScaled(v.Value, scale) : null,
                        s => s.HasValue ? ScaledDecimalConverter.FromScaled(s.Value, scale) : null));
                }
                else if (property.ClrType == typeof(DateTimeOffset))
                {
                    property.SetValueConverter(new UtcTicksConverter());
                }
                else if (property.ClrType == typeof(DateTimeOffset?))
                {
                    property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset?, long?>(
                        v => v.HasValue ? v.Value.UtcTicks : null,
                        s => s.HasValue ? new DateTimeOffset(s.Value, TimeSpan.Zero) : null));
                }
            }
        }
    }
}

/// <summary>The embedded default.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : AutoFinanceDbContext(options)
{
    static SqliteDbContext() => SqliteStatementReuse.Install();

    protected override bool StoresDecimalsAsIntegers => true;

    protected override bool UpdatesRowsInPlace => false;

    // Any write takes SQLite's single write lock for the rest of the transaction, even one that changes no row.
    public override string AuditChainLockSql => "DELETE FROM audit_log WHERE 0 = 1";
}

/// <summary>The production database: numeric and timestamptz columns natively.</summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : AutoFinanceDbContext(options)
{
    protected override bool StoresDecimalsAsIntegers => false;

    protected override bool UpdatesRowsInPlace => true;

    public override string AuditChainLockSql => "SELECT pg_advisory_xact_lock(724917)";
}
