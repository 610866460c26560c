namespace ChatBot.Storage;

/// <summary>
/// Files and folders only the host's own user can read: the database holds every member's prompts and balances,
/// the media folder their uploads and results. On Windows the folder's inherited ACL applies instead.
/// </summary>
internal static class OwnerOnly
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the folder and any missing parents as 0700; an existing folder is left as its owner set it.</summary>
    public static void CreateDirectory(string path) => ChatBot.Core.Media.MediaFiles.CreateOwnerOnlyDirectory(path);

    /// <summary>
    /// Creates an empty file as 0600 when missing, and takes group and other access away from an existing one,
    /// before SQLite opens it: SQLite creates its files 0644 and gives the -wal and -shm files the database's mode.
    /// </summary>
    public static void EnsureFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
        }
        catch (IOException) when (File.Exists(path))
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOther) != UnixFileMode.None)
            {
                File.SetUnixFileMode(path, mode & ~GroupOrOther);
            }
        }
    }
}
