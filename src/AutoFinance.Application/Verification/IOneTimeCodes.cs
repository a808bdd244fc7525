using AutoFinance.Domain.Verification;

namespace AutoFinance.Application.Verification;

/// <summary>
/// SMS one-time codes, for any feature that must prove a person holds a mobile: registration, contract signing, card
/// binding, a change of contact details. Ask for a code with <see cref="SendAsync"/> (throttled per number and per
/// client address), then check what the person typed with <see cref="VerifyAsync"/>; a code is good once, for its
/// purpose and number only, for five minutes and five tries (<see cref="OneTimeCodeRules"/>).
/// </summary>
/// <example>
/// <code>
/// var sent = await codes.SendAsync(CodePurpose.CardBinding, mobile, clientIp, ct);
/// // ... later, with what the customer typed:
/// if (await codes.VerifyAsync(CodePurpose.CardBinding, mobile, typed, ct) != CodeCheck.Verified) { /* refuse */ }
/// </code>
/// </example>
public interface IOneTimeCodes
{
    /// <summary>
    /// Sends a fresh code to the mobile unless throttled. <paramref name="deliver"/> false records the request (it
    /// still counts against the throttle) without sending anything: how a caller keeps its answer neutral when the
    /// number must not get a code (already registered, say). <paramref name="subject"/> binds the code to one thing
    /// (the offer being signed, say): it then verifies only with the same subject.
    /// </summary>
    /// <remarks>The text goes in English when <paramref name="language"/> is <c>en</c>, in Chinese otherwise.</remarks>
    Task<CodeSendResult> SendAsync(CodePurpose purpose, string mobile, string? clientAddress, CancellationToken cancellationToken, bool deliver = true, string? subject = null, string? language = null);

    /// <summary>Checks a typed code against the newest one sent for the purpose (and subject, if it was sent for one); a verified code is spent.</summary>
    Task<CodeCheck> VerifyAsync(CodePurpose purpose, string mobile, string? typedCode, CancellationToken cancellationToken, string? subject = null);

    /// <summary>
    /// The same check, with the tries the code has left after a wrong one: for a person already known to hold the
    /// number (signed in), who may be told so; never for a registration, whose answer stays neutral.
    /// </summary>
    Task<CodeVerification> VerifyCountingAsync(CodePurpose purpose, string mobile, string? typedCode, CancellationToken cancellationToken, string? subject = null);
}

/// <summary>A typed code's check and, after a wrong one, how many more tries the code takes.</summary>
public sealed record CodeVerification(CodeCheck Check, int TriesLeft);

/// <summary>What asking for a code came to.</summary>
public sealed record CodeSendResult(CodeSendOutcome Outcome, TimeSpan RetryAfter, DateTimeOffset? ExpiresAt)
{
    public bool Sent => Outcome == CodeSendOutcome.Sent;
}

public enum CodeSendOutcome
{
    Sent,
    Throttled,
    GatewayUnavailable,
}
