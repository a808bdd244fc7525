namespace AutoFinance.Application.Security;

/// <summary>
/// A keyed hash of personal data for equality lookups (duplicates, velocity, blacklist) without storing or comparing
/// the plain value. The key lives outside the database.
/// </summary>
public interface ILookupHasher
{
    string Hash(string kind, string value);
}
