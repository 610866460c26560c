namespace ChatBot.Storage.Sqlite;

/// <summary>
/// One live host per database file (issue 13 point 10). SQLite itself lets two processes share a file, and two
/// hosts on one file both recover and run the same queued jobs. The host holds <c>&lt;database&gt;.lock</c>
/// open with an exclusive OS lock (on Unix .NET takes <c>flock(LOCK_EX | LOCK_NB)</c> for <see cref="FileShare.None"/>;
/// on Windows the share mode) for as long as it runs. The OS drops the lock when the process dies however it
/// dies, so a crash never leaves a stale lock behind; the file itself stays and is reused.
/// </summary>
internal sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _file;

    private DatabaseLock(FileStream file) => _file = file;

    public static string PathFor(string databasePath) => databasePath + ".lock";

    /// <summary>Takes the lock or throws a <see cref="DatabaseInUseException"/> that says what to do.</summary>
    public static DatabaseLock Acquire(string databasePath)
    {
        var path = PathFor(databasePath);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            return new DatabaseLock(new FileStream(path, options));
        }
        catch (IOException e)
        {
            throw new DatabaseInUseException(
                $"Another ChatBot host is already running on the database {databasePath} (it holds {path}). "
                + "Stop that host first, or give this one its own Storage:DatabasePath; several hosts on one database need PostgreSQL.",
                e);
        }
    }

    public void Dispose() => _file.Dispose();
}
