using AutoFinance.Application.Security;

namespace AutoFinance.Application.Origination;

/// <summary>
/// The customer's act of signing when an offer is accepted, checked before the contract is issued and sealed.
/// The platform's implementation today is <see cref="ExplicitAcceptanceConfirmation"/>; proving the signature with
/// a one-time code sent to the customer's mobile (purpose: contract signing) replaces it here, and only here.
/// </summary>
public interface IContractSigningConfirmation
{
    /// <summary>Null when the actor has signed; otherwise the problem, naming the field (e.g. <c>code</c>).</summary>
    Task<(string Field, string Problem)?> ProblemAsync(Actor actor, Guid applicationId, CancellationToken ct);
}

/// <summary>
/// Signing as it stands: the explicit acceptance itself (the disclosure page's confirmation box, or the accept call
/// an authenticated client makes) is the signature.
/// </summary>
public sealed class ExplicitAcceptanceConfirmation : IContractSigningConfirmation
{
    public Task<(string Field, string Problem)?> ProblemAsync(Actor actor, Guid applicationId, CancellationToken ct) =>
        Task.FromResult<(string Field, string Problem)?>(null);
}
