using AutoFinance.Domain.Products;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>The rules and the worker identity an end-of-day run uses.</summary>
public sealed record CobOptions
{
    public DelinquencyBuckets Buckets { get; init; } = DelinquencyBuckets.Default;

    /// <summary>
    /// A late-charge rule for every loan of the run, overriding each product's (for rehearsals); unset, a loan is
    /// charged by its own product's terms, as disclosed with its offer.
    /// </summary>
    public LateChargeTerms? LateCharges { get; init; }

    /// <summary>Days past due at which what is left is written off.</summary>
    public int ChargeOffDays { get; init; } = 180;

    /// <summary>
    /// Who is running: a worker may take back its own unfinished partitions at once (a restart after a crash),
    /// others only when the lease has run out.
    /// </summary>
    public string Worker { get; init; } = Environment.MachineName;

    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    public int PageSize { get; init; } = 500;

    /// <summary>
    /// A loan with nothing unpaid falling due within this many days is closed by the fast path; it must cover the
    /// earliest reminder before a due date.
    /// </summary>
    public int QuietHorizonDays { get; init; } = 3;

    /// <summary>The servicing rules a loan of <paramref name="product"/> is closed by: its product's, with this run's buckets and charge-off days.</summary>
    public ServicingTerms ServicingFor(ProductServicing product)
    {
        var terms = ProductTerms.Servicing(product);
        return terms with { Buckets = Buckets, LateCharges = LateCharges ?? terms.LateCharges, ChargeOffDays = ChargeOffDays };
    }
}
