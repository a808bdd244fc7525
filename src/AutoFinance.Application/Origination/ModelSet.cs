using AutoFinance.Credit.Models;

namespace AutoFinance.Application.Origination;

/// <summary>The active credit model the decision scores with (its challenger is scored alongside when present).</summary>
public sealed class ModelSet(CreditModel active)
{
    public CreditModel Active { get; } = active;

    public string Version => Active.Document.ModelId;
}
