namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>
/// Why a servicing operation was refused: a stable code (<c>payment.amount.invalid</c>), the field it concerns (empty
/// when it is the loan's state), a sentence for people, and the figures the sentence uses, by name, so a screen can
/// say it in its own language. A conflict is a refusal because of the loan's state rather than the request.
/// </summary>
public sealed record ServicingError(string Code, string Field, string Message, bool IsConflict = false, IReadOnlyDictionary<string, string>? Parameters = null)
{
    public static ServicingError Invalid(string code, string field, string message, IReadOnlyDictionary<string, string>? parameters = null) =>
        new(code, field, message, false, parameters);

    public static ServicingError Conflict(string code, string message, IReadOnlyDictionary<string, string>? parameters = null) =>
        new(code, string.Empty, message, true, parameters);

    /// <summary>The one refusal of whatever a loan that is no longer active cannot take (a payment, a plan, a rate, a write-off, a promise).</summary>
    public static ServicingError NotActive(LoanStatus status) =>
        Conflict("loan.status.not_active", $"the loan is {status.ToString().ToLowerInvariant()}", new Dictionary<string, string> { ["status"] = status.ToString() });
}
