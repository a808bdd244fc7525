namespace AutoFinance.Application.Security;

/// <summary>Authenticated encryption of personal data fields, with keys kept outside the database and rotated.</summary>
public interface IPersonalDataProtector
{
    string Protect(string plain);

    string Unprotect(string cipher);
}
