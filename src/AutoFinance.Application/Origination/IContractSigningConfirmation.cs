using AutoFinance.Application.Common;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Application.Origination;

/// <summary>
/// The customer's act of signing when an offer is accepted, checked before the contract is issued and sealed: the
/// code texted to the customer's mobile on file to sign that offer (see <see cref="CustomerSignature"/>).
/// </summary>
public interface IContractSigningConfirmation
{
    /// <summary>Null when the customer has signed; otherwise the problem, naming the field (<c>code</c>) with its stable code.</summary>
    Task<FieldError?> ProblemAsync(Guid customerId, Guid offerId, CustomerSignature signature, CancellationToken ct);
}
