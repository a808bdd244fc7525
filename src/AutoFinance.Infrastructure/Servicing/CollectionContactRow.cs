namespace AutoFinance.Infrastructure.Servicing;

/// <summary>A collector's contact with a customer about an overdue loan, with a promise to pay if one was made.</summary>
public sealed class CollectionContactRow
{
    public Guid Id { get; set; }

    public Guid LoanId { get; set; }

    public required string Collector { get; set; }

    public DateTimeOffset ContactedAt { get; set; }

    /// <summary>call, sms, visit, letter.</summary>
    public required string Channel { get; set; }

    /// <summary>An outcome code: reached, no-answer, promise, refused, wrong-number, dispute.</summary>
    public required string Outcome { get; set; }

    /// <summary>The collector's free-text note, encrypted with the personal-data protector (it often names people and circumstances).</summary>
    public string? NoteCipher { get; set; }

    public decimal? PromisedAmount { get; set; }

    public DateOnly? PromisedDate { get; set; }

    /// <summary>Pending for a promise as recorded (whether it was kept is judged against the payments made since); none without a promise.</summary>
    public Domain.Servicing.Collections.PromiseStatus? PromiseStatus { get; set; }
}
