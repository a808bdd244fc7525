using AutoFinance.Domain.Lifecycle;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>The disbursement tables: funding facts per contract, dealers' settlement accounts, payouts, bank files rejected whole.</summary>
public static class PayoutsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ContractFundingRow>(e =>
        {
            e.ToTable("contract_funding");
            e.HasKey(f => f.ContractId);
            e.Property(f => f.ContractId).ValueGeneratedNever();
            e.Property(f => f.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<SettlementAccountRow>(e =>
        {
            e.ToTable("settlement_accounts");
            e.HasKey(a => a.DealerId);
            // The direct channel's account is keyed by the empty id, which must be stored as given.
            e.Property(a => a.DealerId).ValueGeneratedNever();
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<PayoutRow>(e =>
        {
            e.ToTable("payouts");
            e.HasIndex(p => p.Reference).IsUnique();
            e.HasIndex(p => new { p.ContractId, p.CreatedAt });
            e.HasIndex(p => new { p.Status, p.CreatedAt });
            e.HasIndex(p => new { p.CreatedBy, p.IdempotencyKey }).IsUnique();
            e.Property(p => p.Status).HasConversion(v => StateWords<PayoutStatus>.Of(v), v => StateWords<PayoutStatus>.Parse(v));
            e.Property(p => p.Purpose).HasConversion(v => StateWords<PayoutPurpose>.Of(v), v => StateWords<PayoutPurpose>.Parse(v));
            e.HasIndex(p => new { p.LoanId, p.Purpose });
            e.Property(p => p.Amount).HasPrecision(18, AutoFinanceDbContext.MoneyScale);
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<PayoutFileRejectionRow>(e =>
        {
            e.ToTable("payout_file_rejections");
            e.HasKey(r => r.MessageId);
            e.Property(r => r.MessageId).HasMaxLength(35);
            e.Property(r => r.Total).HasPrecision(18, AutoFinanceDbContext.MoneyScale);
        });
    }
}
