using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;

namespace AutoFinance.Infrastructure.Security;

/// <summary>
/// The Data Protection key ring in a folder, as <see cref="FileSystemXmlRepository"/> keeps it, with every key file
/// set to 0600 as soon as it is written (the stock repository leaves them to the process's umask).
/// </summary>
public sealed class OwnerOnlyKeyRepository(DirectoryInfo folder, ILoggerFactory loggers) : IDeletableXmlRepository
{
    private readonly FileSystemXmlRepository _files = new(folder, loggers);

    public IReadOnlyCollection<XElement> GetAllElements() => _files.GetAllElements();

    public void StoreElement(XElement element, string friendlyName)
    {
        _files.StoreElement(element, friendlyName);
        OwnerOnlyFiles.TightenFilesIn(folder.FullName);
    }

    public bool DeleteElements(Action<IReadOnlyCollection<IDeletableElement>> chooseElements) => _files.DeleteElements(chooseElements);
}
