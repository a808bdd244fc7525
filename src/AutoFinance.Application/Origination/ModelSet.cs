using AutoFinance.Credit.Models;

namespace AutoFinance.Application.Origination;

/// <summary>
/// The active credit model the decision scores with (its challenger is scored alongside when present). The model
/// registry replaces it when a model is promoted or rolled back; a decision already under way keeps the model it read.
/// </summary>
public sealed class ModelSet(CreditModel active)
{
    private CreditModel current = active;

    public CreditModel Active => Volatile.Read(ref current);

    public string Version => Active.Document.ModelId;

    /// <summary>The model loaded from the configured file at start: what decisions use when the registry has no active model.</summary>
    public CreditModel Default { get; } = active;

    /// <summary>The registry entry in use, or null for <see cref="Default"/>.</summary>
    public Guid? RegistryId { get; private set; }

    /// <summary>Decisions from now on score with <paramref name="model"/> (the default when <paramref name="registryId"/> is null).</summary>
    public void Use(CreditModel model, Guid? registryId)
    {
        ArgumentNullException.ThrowIfNull(model);
        RegistryId = registryId;
        Volatile.Write(ref current, model);
    }
}
