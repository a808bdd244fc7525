namespace AutoFinance.Infrastructure.Messaging;

/// <summary>
/// What became of one outbox message handed to the sender: delivered, failed (the attempt counts; <see cref="Error"/>
/// says why), or not tried because its channel is resting after repeated failures (no attempt used; it waits for the
/// next run).
/// </summary>
public readonly record struct SendOutcome(bool Tried, string? Error)
{
    public static SendOutcome Delivered { get; } = new(true, null);

    public bool Succeeded => Tried && Error is null;

    public static SendOutcome Failed(string error) => new(true, error);

    public static SendOutcome NotTried(string reason) => new(false, reason);
}
