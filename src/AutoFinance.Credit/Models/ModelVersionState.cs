namespace AutoFinance.Credit.Models;

/// <summary>
/// Where a model file in the registry stands: uploaded and waiting, active (the one decisions score with; at most one
/// is), or retired (it was active and another took its place, so a rollback can bring it back).
/// </summary>
public enum ModelVersionState
{
    Uploaded,
    Active,
    Retired,
}
