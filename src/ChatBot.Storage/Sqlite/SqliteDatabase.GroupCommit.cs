using System.Collections.Concurrent;
using SQLitePCL;

namespace ChatBot.Storage.Sqlite;

/// <summary>The writer's queue: group commit.</summary>
internal sealed partial class SqliteDatabase
{
    /// <summary>At most this many queued units share one transaction.</summary>
    internal const int DefaultMaxBatch = 64;

    private readonly Lock _queueLock = new();
    private readonly Queue<WriteUnit> _pending = new();
    private readonly List<WriteUnit> _batch = [];
    private bool _draining;

    /// <summary>Account ids of committed accounts (ids never change; accounts are never deleted). Filled by <c>Accounts</c>.</summary>
    internal ConcurrentDictionary<AccountKey, long> AccountIds { get; } = new();

    /// <summary>How many units one transaction takes at most (tests lower it).</summary>
    internal int MaxBatch { get; init; } = DefaultMaxBatch;

    /// <summary>
    /// Runs <paramref name="work"/> inside one <c>BEGIN IMMEDIATE</c> transaction and commits it, unless the work called
    /// <see cref="WriteTransaction.Abort"/> or threw (then nothing it wrote remains, and its exception is rethrown).
    /// Work queued while a transaction runs is run together in the next one, up to <see cref="MaxBatch"/> units, each
    /// in a SAVEPOINT of its own: one unit's abort or exception rolls back that unit only. The batch commits once,
    /// and every caller learns its own result only after that commit (WAL, <c>synchronous=NORMAL</c>); when the commit
    /// fails, or a statement error ends SQLite's transaction (disk full, I/O error), every unit of the batch fails
    /// with that error. A caller cancelled while queued never runs; once started, the work runs to its end.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<WriteTransaction, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            EnsureInitialized();
        }
        catch (Exception exception)
        {
            // As an async method would: the caller's await sees it.
            return Task.FromException<T>(exception);
        }

        var unit = new WriteUnit<T>(work, cancellationToken);
        lock (_queueLock)
        {
            _pending.Enqueue(unit);
            if (_draining)
            {
                return unit.Task;
            }

            _draining = true;
        }

        // Nobody was writing: this caller runs the first batch (its own unit first) on its own thread, and hands
        // what queued meanwhile to a pool thread, which drains until the queue is empty.
        RunNextBatch();
        if (HasMoreWork())
        {
            ThreadPool.UnsafeQueueUserWorkItem(static database => database.Drain(), this, preferLocal: false);
        }

        return unit.Task;
    }

    private void Drain()
    {
        do
        {
            RunNextBatch();
        }
        while (HasMoreWork());
    }

    /// <summary>False (and the queue marked idle) when nothing is waiting.</summary>
    private bool HasMoreWork()
    {
        lock (_queueLock)
        {
            if (_pending.Count > 0)
            {
                return true;
            }

            _draining = false;
            return false;
        }
    }

    /// <summary>Takes up to <see cref="MaxBatch"/> queued units, runs them in one transaction, then tells their callers.</summary>
    private void RunNextBatch()
    {
        // Only the one drainer (the _draining flag) touches _batch.
        _batch.Clear();
        lock (_queueLock)
        {
            while (_batch.Count < MaxBatch && _pending.TryDequeue(out var unit))
            {
                _batch.Add(unit);
            }
        }

        List<Action>? committed = null;
        Exception? failure = null;
        lock (_writerGate)
        {
            try
            {
                committed = RunInTransaction(_batch);
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        }

        if (failure is not null)
        {
            StorageLog.WriteBatchFailed(_logger, _batch.Count, failure);
            foreach (var unit in _batch)
            {
                unit.Fail(failure);
            }

            return;
        }

        // Durable now: fill the caches of committed rows, then wake the callers.
        foreach (var action in committed ?? [])
        {
            action();
        }

        foreach (var unit in _batch)
        {
            unit.Deliver();
        }
    }

    /// <summary>The batch in one transaction; what the kept units asked to run after the commit. Throws when it did not commit.</summary>
    private List<Action>? RunInTransaction(List<WriteUnit> batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var writer = Writer();
        using var transaction = writer.BeginTransaction(deferred: false);
        var alone = batch.Count == 1;
        var kept = 0;
        List<Action>? committed = null;
        foreach (var unit in batch)
        {
            if (!unit.TryStart())
            {
                continue;
            }

            if (!alone)
            {
                Command("SAVEPOINT unit;", transaction).ExecuteNonQuery();
            }

            var scope = new WriteTransaction(this, transaction);
            if (unit.Run(scope))
            {
                kept++;
                if (!alone)
                {
                    Command("RELEASE unit;", transaction).ExecuteNonQuery();
                }

                if (scope.CommittedActions is { } actions)
                {
                    (committed ??= []).AddRange(actions);
                }

                continue;
            }

            if (alone)
            {
                continue;
            }

            if (raw.sqlite3_get_autocommit(writer.Handle) != 0)
            {
                // The statement error ended SQLite's transaction (disk full, I/O error): the units before it are gone too.
                CloseWriter();
                throw unit.Error ?? new InvalidOperationException("The write transaction ended unexpectedly.");
            }

            Command("ROLLBACK TO unit;", transaction).ExecuteNonQuery();
            Command("RELEASE unit;", transaction).ExecuteNonQuery();
        }

        if (kept == 0)
        {
            RollBackOrReset(transaction);
            return null;
        }

        try
        {
            transaction.Commit();
        }
        catch
        {
            RollBackOrReset(transaction);
            throw;
        }

        return committed;
    }
}
