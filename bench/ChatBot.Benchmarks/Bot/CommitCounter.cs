using System.Reflection;
using ChatBot.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ChatBot.Benchmarks.Bot;

/// <summary>
/// Counts committed SQLite transactions on the storage's one writer connection with <c>sqlite3_commit_hook</c>.
/// The storage keeps that connection private, so the bench reaches it by reflection (bench only; the hook
/// is lost if the storage reopens its writer after an error, which a healthy run never does).
/// </summary>
internal sealed class CommitCounter
{
    private readonly delegate_commit _hook;
    private long _commits;

    private CommitCounter()
    {
        _hook = _ =>
        {
            Interlocked.Increment(ref _commits);
            return 0;
        };
    }

    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Hooks the writer of the storage in <paramref name="services"/>; null when it cannot be reached.</summary>
    public static CommitCounter? Attach(IServiceProvider services)
    {
        var type = typeof(StorageOptions).Assembly.GetType("ChatBot.Storage.Sqlite.SqliteDatabase");
        var database = type is null ? null : services.GetService(type);
        if (database is null)
        {
            return null;
        }

        type!.GetMethod("EnsureInitialized")?.Invoke(database, null);
        if (type.GetField("_writer", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(database) is not SqliteConnection writer)
        {
            return null;
        }

        var counter = new CommitCounter();
        raw.sqlite3_commit_hook(writer.Handle, counter._hook, null);
        return counter;
    }
}
