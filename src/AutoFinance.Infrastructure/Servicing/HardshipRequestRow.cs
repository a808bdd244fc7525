using AutoFinance.Domain.Servicing.Hardship;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>A customer's request for a hardship plan on their loan, waiting for staff or decided; the customer's words are encrypted.</summary>
public sealed class HardshipRequestRow
{
    public Guid Id { get; set; }

    public Guid LoanId { get; set; }

    public Guid CustomerId { get; set; }

    /// <summary>payment-holiday or term-extension.</summary>
    public required string Kind { get; set; }

    /// <summary>The instalments a payment holiday skips.</summary>
    public int? Installments { get; set; }

    /// <summary>The months a term extension adds.</summary>
    public int? Months { get; set; }

    public required string ReasonCipher { get; set; }

    public HardshipRequestState State { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public string? IdempotencyKey { get; set; }

    public string? RequestHash { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why staff declined (told to the customer); empty when approved.</summary>
    public string? DecisionNote { get; set; }

    /// <summary>The hardship plan granted on approval.</summary>
    public Guid? PlanId { get; set; }

    public int Version { get; set; }
}
