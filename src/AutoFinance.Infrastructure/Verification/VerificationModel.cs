using AutoFinance.Domain.Lifecycle;
using AutoFinance.Infrastructure.Bureau;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Verification;

/// <summary>The tables of one-time codes, sign-in lockouts, bureau authorisations and credit reports.</summary>
public static class VerificationModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OneTimeCodeRow>(e =>
        {
            e.ToTable("one_time_codes");
            e.HasIndex(c => new { c.MobileHash, c.SentAt });
            e.HasIndex(c => new { c.AddressHash, c.SentAt });
        });
        modelBuilder.Entity<SignInGuardRow>(e =>
        {
            e.ToTable("sign_in_guards");
            e.HasKey(g => g.NameHash);
        });
        modelBuilder.Entity<BureauAuthorisationRow>(e =>
        {
            e.ToTable("bureau_authorisations");
            e.HasIndex(a => new { a.NationalIdHash, a.GrantedAt });
        });
        modelBuilder.Entity<CreditReportRow>(e =>
        {
            e.ToTable("credit_reports");
            e.HasIndex(r => new { r.NationalIdHash, r.PulledAt });
            e.Property(r => r.Outcome).HasConversion(v => StateWords<BureauPullOutcome>.Of(v), v => StateWords<BureauPullOutcome>.Parse(v));
        });
    }
}
