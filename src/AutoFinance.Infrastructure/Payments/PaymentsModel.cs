using AutoFinance.Domain.Lifecycle;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>The payment rails' tables: payment intents awaiting a provider's outcome, bank statement lines.</summary>
public static class PaymentsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<PaymentIntentRow>(e =>
        {
            e.ToTable("payment_intents");
            e.HasIndex(i => new { i.LoanId, i.CreatedAt });
            e.HasIndex(i => new { i.Provider, i.ProviderTransactionId }).IsUnique();
            e.HasIndex(i => new { i.CreatedBy, i.IdempotencyKey }).IsUnique();
            // One request per loan and business day, whichever run makes it first.
            e.HasIndex(i => i.DebitRequestId).IsUnique();
            e.Property(i => i.Status).HasConversion(v => StateWords<PaymentIntentStatus>.Of(v), v => StateWords<PaymentIntentStatus>.Parse(v));
            e.Property(i => i.Amount).HasPrecision(18, AutoFinanceDbContext.MoneyScale);
        });
        modelBuilder.Entity<MandateRow>(e =>
        {
            e.ToTable("mandates");
            e.HasIndex(m => m.CustomerId);
            e.HasIndex(m => m.MandateReference).IsUnique();
            e.Property(m => m.Status).HasConversion(v => StateWords<MandateStatus>.Of(v), v => StateWords<MandateStatus>.Parse(v));
        });
        modelBuilder.Entity<StatementLineRow>(e =>
        {
            e.ToTable("statement_lines");
            e.HasIndex(l => l.EntryReference).IsUnique();
            e.HasIndex(l => new { l.Status, l.BookingDate });
            e.HasIndex(l => l.LoanId);
            e.Property(l => l.Status).HasConversion(v => StateWords<StatementLineStatus>.Of(v), v => StateWords<StatementLineStatus>.Parse(v));
            e.Property(l => l.Amount).HasPrecision(18, AutoFinanceDbContext.MoneyScale);
        });
    }
}
