using System.Diagnostics;
using ChatBot.Benchmarks.Bot;
using ChatBot.Benchmarks.Harness;
using ChatBot.Core.Model;
using ChatBot.Core.Credits;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Ledger;

/// <summary>
/// Reserve + settle pairs through <see cref="ICreditLedger"/> (TryReserveAsync then SettleAsync: two write
/// transactions each) from 64 concurrent users, next to as many plain single-row UPDATE transactions on the
/// same file, one connection, same pragmas (WAL, synchronous=NORMAL): the ceiling SQLite itself sets here.
/// </summary>
internal sealed class LedgerScenario : IScenario
{
    private const int Users = 64;

    public string Name => "ledger";

    public string Description => "credit reserve + settle pairs/s, 64 concurrent users, vs plain UPDATE transactions on the same SQLite file";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var pairsPerUser = context.Quick ? 10 : 60;
        var total = Users * pairsPerUser;
        var folder = context.NewFolder("ledger");
        await using var services = StorageServices.Create(folder);
        var ledger = services.GetRequiredService<ICreditLedger>();
        var commits = CommitCounter.Attach(services);
        var accounts = Enumerable.Range(0, Users).Select(i => new AccountKey("bench", "ledger", $"user{i}")).ToArray();
        foreach (var account in accounts)
        {
            await ledger.GrantAsync(account, 1_000_000_000, "bench", cancellationToken).ConfigureAwait(false);
        }

        await using var baseline = await PlainUpdates.OpenAsync(Path.Combine(folder, "chatbot.db"), Users, cancellationToken).ConfigureAwait(false);

        // One unmeasured warm-up of each (JIT, prepared statements, page cache).
        await RunPairsAsync(ledger, accounts, 2, cancellationToken).ConfigureAwait(false);
        baseline.Run(Users * 2);

        var pairRates = new List<double>();
        var updateRates = new List<double>();
        var ratios = new List<double>();
        var pairCpu = new List<double>();
        var updateCpu = new List<double>();
        var commitsPerPair = new List<double>();
        for (var rep = 0; rep < BenchContext.Repetitions; rep++)
        {
            var commitsBefore = commits?.Commits ?? 0;
            var before = ProcessSnapshot.Take();
            var pairs = await RunPairsAsync(ledger, accounts, pairsPerUser, cancellationToken).ConfigureAwait(false);
            var between = ProcessSnapshot.Take();
            commitsPerPair.Add(((commits?.Commits ?? 0) - commitsBefore) / (double)total);
            var updates = baseline.Run(total);
            var after = ProcessSnapshot.Take();
            pairCpu.Add((between.Cpu - before.Cpu).TotalMicroseconds / total);
            updateCpu.Add((after.Cpu - between.Cpu).TotalMicroseconds / total);
            var pairRate = total / pairs.TotalSeconds;
            var updateRate = total / updates.TotalSeconds;
            pairRates.Add(pairRate);
            updateRates.Add(updateRate);
            ratios.Add(pairRate / updateRate);
            BenchContext.Log($"rep {rep + 1}: {total} pairs in {pairs.TotalSeconds:0.00} s ({pairRate:0}/s); {total} UPDATEs in {updates.TotalSeconds:0.00} s ({updateRate:0}/s)");
        }

        return
        [
            new Measurement(Name, "reserve+settle pairs/s (64 users)", "pairs/s", pairRates,
                $"ICreditLedger.TryReserveAsync + SettleAsync, 2 write transactions per pair, {total} pairs per repetition"),
            new Measurement(Name, "plain 1-row UPDATE transactions/s", "tx/s", updateRates,
                "BEGIN IMMEDIATE; UPDATE one row; COMMIT — one connection, same file and pragmas"),
            new Measurement(Name, "pairs/s ÷ UPDATE tx/s", "ratio", ratios,
                "target ≥ 0.5; a pair is two transactions, so 0.5 means each ledger transaction runs at SQLite's own pace"),
            new Measurement(Name, "process CPU per pair", "µs", pairCpu,
                "reserve = account SELECT + debit UPDATE + reservation INSERT + ledger INSERT; settle = reservation UPDATE…RETURNING + balance UPDATE + ledger INSERT"),
            new Measurement(Name, "process CPU per plain UPDATE", "µs", updateCpu),
            new Measurement(Name, "SQLite write transactions per pair", "tx", commitsPerPair,
                "commits on the storage's writer (sqlite3_commit_hook); 2 without group commit, less when queued units share a commit"),
        ];
    }

    private static async Task<TimeSpan> RunPairsAsync(ICreditLedger ledger, AccountKey[] accounts, int pairsPerUser, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(accounts.Select(account => Task.Run(
            async () =>
            {
                for (var i = 0; i < pairsPerUser; i++)
                {
                    var reservation = await ledger.TryReserveAsync(account, 3, "bench", cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The bench account ran out of credits.");
                    await ledger.SettleAsync(reservation, 2, cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken))).ConfigureAwait(false);
        return watch.Elapsed;
    }

    /// <summary>SQLite's own pace on this disk: one-row UPDATE transactions back to back on one connection.</summary>
    private sealed class PlainUpdates : IAsyncDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _begin;
        private readonly SqliteCommand _update;
        private readonly SqliteCommand _commit;
        private readonly SqliteParameter _id;
        private readonly int _rows;

        private PlainUpdates(SqliteConnection connection, int rows)
        {
            _connection = connection;
            _rows = rows;
            _begin = Prepare("BEGIN IMMEDIATE;");
            _commit = Prepare("COMMIT;");
            _update = Prepare("UPDATE bench_counters SET n = n + 1 WHERE id = $id;");
            _id = _update.Parameters.Add("$id", SqliteType.Integer);
        }

        public static async Task<PlainUpdates> OpenAsync(string path, int rows, CancellationToken cancellationToken)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var setup = connection.CreateCommand())
            {
                setup.CommandText = $"""
                    PRAGMA journal_mode = WAL;
                    PRAGMA synchronous = NORMAL;
                    PRAGMA busy_timeout = 10000;
                    CREATE TABLE IF NOT EXISTS bench_counters (id INTEGER PRIMARY KEY, n INTEGER NOT NULL);
                    INSERT OR IGNORE INTO bench_counters (id, n) SELECT value, 0 FROM generate_series(1, {rows});
                    """;
                try
                {
                    await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException)
                {
                    // No generate_series in this SQLite build: insert the rows one by one.
                    setup.CommandText = "CREATE TABLE IF NOT EXISTS bench_counters (id INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
                        + string.Concat(Enumerable.Range(1, rows).Select(i => $"INSERT OR IGNORE INTO bench_counters (id, n) VALUES ({i}, 0);"));
                    await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            return new PlainUpdates(connection, rows);
        }

        public TimeSpan Run(int transactions)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < transactions; i++)
            {
                _begin.ExecuteNonQuery();
                _id.Value = (i % _rows) + 1;
                _update.ExecuteNonQuery();
                _commit.ExecuteNonQuery();
            }

            return watch.Elapsed;
        }

        public async ValueTask DisposeAsync()
        {
            await _begin.DisposeAsync().ConfigureAwait(false);
            await _update.DisposeAsync().ConfigureAwait(false);
            await _commit.DisposeAsync().ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        private SqliteCommand Prepare(string sql)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            return command;
        }
    }
}
