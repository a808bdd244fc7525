namespace AutoFinance.Infrastructure.Security;

/// <summary>
/// Files that hold personal data or keys are readable by the platform's own user alone: files 0600, folders 0700.
/// Applied when they are created and again at every start (an older version, a restore or a copy may have left them
/// wider). Windows has no Unix modes; there the folder's access list is the administrator's to set.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [System.Runtime.Versioning.UnsupportedOSPlatformGuard("windows")]
    private static bool HasUnixModes => !OperatingSystem.IsWindows();

    /// <summary>Creates a folder 0700; with <paramref name="tightenExisting"/>, also sets an existing one to 0700.</summary>
    public static void EnsureFolder(string path, bool tightenExisting)
    {
        if (!HasUnixModes)
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (!Directory.Exists(path))
        {
            // Parents the platform creates on the way are its own too.
            var parent = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(parent) && !Directory.Exists(parent))
            {
                EnsureFolder(parent, tightenExisting: false);
            }

            Directory.CreateDirectory(path, FolderMode);
        }
        else if (tightenExisting)
        {
            File.SetUnixFileMode(path, FolderMode);
        }
    }

    /// <summary>Sets an existing file to 0600 (nothing when it does not exist).</summary>
    public static void Tighten(string path)
    {
        if (HasUnixModes && File.Exists(path) && (File.GetUnixFileMode(path) & ~FileMode) != 0)
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }

    /// <summary>Creates an empty file 0600 unless it exists, and sets an existing one to 0600.</summary>
    public static void EnsureFile(string path)
    {
        if (HasUnixModes && !File.Exists(path))
        {
            try
            {
                using var created = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first.
            }
        }

        Tighten(path);
    }

    /// <summary>Sets every file in the folder to 0600.</summary>
    public static void TightenFilesIn(string folder)
    {
        if (HasUnixModes && Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                Tighten(file);
            }
        }
    }
}
