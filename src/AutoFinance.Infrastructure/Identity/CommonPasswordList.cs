using AutoFinance.Application.Security;

namespace AutoFinance.Infrastructure.Identity;

/// <summary>
/// The commonly used passwords (<c>CommonPasswords/common-passwords.txt</c>, embedded in the assembly; its source
/// and licence are beside it), compared without regard to case.
/// </summary>
public sealed class CommonPasswordList : ICommonPasswords
{
    private const string ResourceName = "AutoFinance.Infrastructure.Identity.CommonPasswords.common-passwords.txt";

    private static readonly Lazy<CommonPasswordList> Embedded = new(Load);

    private readonly HashSet<string> _passwords;

    private CommonPasswordList(HashSet<string> passwords) => _passwords = passwords;

    public static CommonPasswordList Instance => Embedded.Value;

    public int Count => _passwords.Count;

    public bool Contains(string password) => password is not null && _passwords.Contains(password);

    private static CommonPasswordList Load()
    {
        using var stream = typeof(CommonPasswordList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the common-password list {ResourceName} is not embedded");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return new CommonPasswordList(passwords);
    }
}
