namespace AutoFinance.Infrastructure.Origination;

/// <summary>
/// An application form in progress, one per signed-in customer: the step reached and the values entered so far,
/// encrypted as personal data (they hold the national ID, income and so on).
/// </summary>
public sealed class ApplicationDraftRow
{
    public Guid UserId { get; set; }

    public int Step { get; set; }

    public required string ValuesCipher { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
