using AutoFinance.Application.Security;
using Microsoft.AspNetCore.DataProtection;

namespace AutoFinance.Infrastructure.Security;

/// <summary>
/// Field-level authenticated encryption of personal data with ASP.NET Core Data Protection (AES-256-CBC with
/// HMAC-SHA256, keys in a key ring outside the database, rotated every 90 days; old keys still decrypt).
/// </summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider) : IPersonalDataProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("AutoFinance.PersonalData.v1");

    public string Protect(string plain) => _protector.Protect(plain);

    public string Unprotect(string cipher) => _protector.Unprotect(cipher);
}
