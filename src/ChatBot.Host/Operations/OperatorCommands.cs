using ChatBot.Core.Audit;
using ChatBot.Core.Migration;
using ChatBot.Storage;
using ChatBot.Storage.Postgres;

namespace ChatBot.Host.Operations;

/// <summary>
/// The operator's commands, run instead of the host: <c>audit</c> checks the configured store and <c>migrate --to
/// postgres</c> copies the SQLite database into the PostgreSQL one of <c>Storage:ConnectionString</c>. Both read the
/// host's settings (files, environment, the command line after the command) and print JSON on standard output.
/// Exit codes: 0 clean, 1 drift found, 2 the command could not run (its reason on standard error).
/// </summary>
internal static class OperatorCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static bool IsOperatorCommand(IReadOnlyList<string> args) => args is ["audit", ..] or ["migrate", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var rest = args[1..];
        if (args[0] == "migrate" && !TryTakeTarget(ref rest))
        {
            await error.WriteLineAsync("Usage: migrate --to postgres (then Storage:ConnectionString names the empty target database).").ConfigureAwait(false);
            return 2;
        }

        var configuration = ChatBotHost.CreateBuilder(rest).Configuration;
        try
        {
            return args[0] == "audit"
                ? await AuditAsync(configuration, output, error).ConfigureAwait(false)
                : await MigrateAsync(configuration, output, error).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OptionsValidationException or DatabaseInUseException or Npgsql.NpgsqlException or InvalidOperationException or IOException)
        {
            await error.WriteLineAsync($"{args[0]} stopped: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
    }

    private static async Task<int> AuditAsync(IConfiguration configuration, TextWriter output, TextWriter error)
    {
        var postgres = StorageSelection.IsPostgres(configuration);
        using var store = Store(configuration, postgres);
        if (!postgres && MissingSqliteFile(store) is { } missing)
        {
            await error.WriteLineAsync(missing).ConfigureAwait(false);
            return 2;
        }

        var report = await store.GetRequiredService<IStoreAudit>().RunAsync(StuckBefore(configuration), CancellationToken.None).ConfigureAwait(false);
        await output.WriteLineAsync(JsonSerializer.Serialize(report, Json)).ConfigureAwait(false);
        return report.IsClean ? 0 : 1;
    }

    private static async Task<int> MigrateAsync(IConfiguration configuration, TextWriter output, TextWriter error)
    {
        using var sqlite = Store(configuration, postgres: false);
        using var postgres = Store(configuration, postgres: true);
        if (MissingSqliteFile(sqlite) is { } missing)
        {
            await error.WriteLineAsync(missing).ConfigureAwait(false);
            return 2;
        }

        var target = postgres.GetRequiredService<IStoreImport>();
        if (!await target.IsEmptyAsync(CancellationToken.None).ConfigureAwait(false))
        {
            await error.WriteLineAsync(
                $"migrate refused: the PostgreSQL database {postgres.GetRequiredService<IOptions<PostgresStorageOptions>>().Value.Describe()} already holds data. "
                + "Migrate only into a new, empty database.").ConfigureAwait(false);
            return 2;
        }

        var copied = await target.ImportAsync(sqlite.GetRequiredService<IStoreExport>().ExportAsync(CancellationToken.None), CancellationToken.None).ConfigureAwait(false);
        var stuckBefore = StuckBefore(configuration);
        var before = await sqlite.GetRequiredService<IStoreAudit>().RunAsync(stuckBefore, CancellationToken.None).ConfigureAwait(false);
        var after = await postgres.GetRequiredService<IStoreAudit>().RunAsync(stuckBefore, CancellationToken.None).ConfigureAwait(false);
        var same = before.Accounts == after.Accounts && before.LedgerEntries == after.LedgerEntries && before.Balances == after.Balances
            && before.LedgerSum == after.LedgerSum && before.Jobs == after.Jobs && before.ActiveJobs == after.ActiveJobs;
        await output.WriteLineAsync(JsonSerializer.Serialize(new { copied, same, sqlite = before, postgres = after }, Json)).ConfigureAwait(false);
        return same && before.IsClean && after.IsClean ? 0 : 1;
    }

    /// <summary>Takes <c>--to postgres</c> (or <c>--to=postgres</c>) off the arguments; false when it is not there.</summary>
    private static bool TryTakeTarget(ref string[] args)
    {
        if (args is ["--to", var to, .. var after] && to.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            args = after;
            return true;
        }

        if (args is [var both, .. var rest] && both.Equals("--to=postgres", StringComparison.OrdinalIgnoreCase))
        {
            args = rest;
            return true;
        }

        return false;
    }

    /// <summary>One store's services alone, over the host's settings: nothing else of the host starts.</summary>
    private static ServiceProvider Store(IConfiguration configuration, bool postgres)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        if (postgres)
        {
            services.AddPostgresStorage();
        }
        else
        {
            services.AddSqliteStorage();
        }

        return services.BuildServiceProvider();
    }

    private static string? MissingSqliteFile(IServiceProvider store)
    {
        var path = Path.GetFullPath(store.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath);
        return File.Exists(path) ? null : $"There is no SQLite database at {path} (Storage:DatabasePath).";
    }

    /// <summary>Jobs leases are not built yet: a non-final job unchanged for longer than Scheduler:JobTimeout counts as stuck.</summary>
    private static DateTimeOffset StuckBefore(IConfiguration configuration) =>
        TimeProvider.System.GetUtcNow() - (configuration.GetValue<TimeSpan?>("Scheduler:JobTimeout") ?? TimeSpan.FromMinutes(30));
}
