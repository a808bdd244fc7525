namespace AutoFinance.Application.Origination;

/// <summary>
/// How the customer signed the contract of the offer being accepted. Through the API and the pages it is always
/// <see cref="TextedCode"/>: the one-time code (purpose: contract signing) texted to the customer's mobile on file for
/// that offer. <see cref="SeededDemo"/> exists only for the demo data the platform seeds at first start, where no
/// customer is present; it is recorded as such in the audit log and no endpoint can ask for it.
/// </summary>
public abstract record CustomerSignature
{
    private CustomerSignature()
    {
    }

    /// <summary>The name recorded in the audit log for how the contract was signed.</summary>
    public abstract string Method { get; }

    /// <summary>The code the customer typed (or read out to the dealer), as typed.</summary>
    public sealed record TextedCode(string? Code) : CustomerSignature
    {
        public override string Method => "sms-code";
    }

    /// <summary>Signed for the seeded demo data, with no customer present.</summary>
    public sealed record SeededDemo : CustomerSignature
    {
        public override string Method => "demo-seed";
    }

    public static CustomerSignature Demo { get; } = new SeededDemo();
}
