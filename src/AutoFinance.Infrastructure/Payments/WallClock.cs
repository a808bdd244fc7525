namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// The host's wall clock, for what is about real elapsed time between two parties — how old a provider's signed
/// callback is — rather than the business clock every other rule reads, which tests and rehearsals move on to
/// later business dates while the provider's clock stays where it is. In production both are the system clock.
/// </summary>
public sealed class WallClock(TimeProvider time)
{
    public static WallClock System { get; } = new(TimeProvider.System);

    public DateTimeOffset UtcNow => time.GetUtcNow();
}
