namespace AutoFinance.Domain.Verification;

/// <summary>
/// What a one-time code proves. A code is good only for the purpose it was sent for, so a code sent to sign a
/// contract cannot complete a registration or bind a card.
/// </summary>
public enum CodePurpose
{
    Registration,
    ContractSigning,
    CardBinding,
    ContactChange,
}

public static class CodePurposes
{
    public static string ToName(this CodePurpose purpose) => purpose switch
    {
        CodePurpose.Registration => "registration",
        CodePurpose.ContractSigning => "contract-signing",
        CodePurpose.CardBinding => "card-binding",
        CodePurpose.ContactChange => "contact-change",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };
}
