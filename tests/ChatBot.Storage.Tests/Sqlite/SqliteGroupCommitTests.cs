using ChatBot.Storage.Sqlite;
using ChatBot.Storage.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace ChatBot.Storage.Tests.Sqlite;

/// <summary>
/// Group commit: units queued while a transaction runs share the next one, a savepoint each. Each test holds the writer
/// with a first unit that waits on a gate, queues the others behind it, then opens the gate: the queued ones run as one batch.
/// </summary>
public sealed class SqliteGroupCommitTests : StorageTest
{
    private const string Insert = "INSERT INTO tenant_allowances VALUES ('p', $tenant, $value, 0);";

    [Fact]
    public async Task WriteAsync_OneUnitOfABatchThrowsOrAborts_ItsNeighboursAreCommittedAndItGetsItsException()
    {
        var sut = Fixture.Database;
        await using var held = await HoldWriterAsync(sut);

        var first = Put(sut, "a", 1);
        var throwing = sut.WriteAsync<int>(tx =>
        {
            tx.Execute(Insert, ("$tenant", "b"), ("$value", 2));
            throw new InvalidOperationException("boom");
        }, Ct);
        var aborting = sut.WriteAsync(tx =>
        {
            tx.Execute(Insert, ("$tenant", "c"), ("$value", 3));
            tx.Abort();
            return 33;
        }, Ct);
        var last = Put(sut, "d", 4);
        held.Release();

        (await first).ShouldBe(1);
        (await Should.ThrowAsync<InvalidOperationException>(throwing)).Message.ShouldBe("boom");
        (await aborting).ShouldBe(33);
        (await last).ShouldBe(1);
        Tenants().ShouldBe(["a", "d", "held"]);
    }

    [Fact]
    public async Task WriteAsync_QueuedUnits_EachLearnsItsResultOnlyAfterTheWholeBatchCommitted()
    {
        var sut = Fixture.Database;
        await using var held = await HoldWriterAsync(sut);

        var first = Put(sut, "a", 1);
        var seenByOthers = first.ContinueWith(_ => Tenants(), TaskScheduler.Default);
        var last = Put(sut, "z", 26);
        held.Release();
        await last;

        // When the first caller heard back, the last unit of its batch was already committed: another connection saw it.
        (await seenByOthers).ShouldBe(["a", "held", "z"]);
    }

    [Fact]
    public async Task WriteAsync_TheBatchFailsToCommit_EveryUnitOfItFailsAndNothingRemains()
    {
        var sut = Fixture.Database;
        await using var held = await HoldWriterAsync(sut);

        var good = Put(sut, "a", 1);

        // A foreign key checked only at COMMIT (deferred): the commit of the whole batch fails.
        var breaking = sut.WriteAsync(tx =>
        {
            tx.Execute("PRAGMA defer_foreign_keys = ON;");
            return tx.Execute("INSERT INTO ledger (account_id, kind, amount, reason, at) VALUES (4242, 'grant', 1, 'dangling', 0);");
        }, Ct);
        var alsoGood = Put(sut, "b", 2);
        held.Release();

        await Should.ThrowAsync<SqliteException>(good);
        await Should.ThrowAsync<SqliteException>(breaking);
        await Should.ThrowAsync<SqliteException>(alsoGood);
        Tenants().ShouldBe(["held"]);
        Fixture.Scalar("SELECT COUNT(*) FROM ledger").ShouldBe(0);

        // The writer goes on with the next unit.
        (await Put(sut, "c", 3)).ShouldBe(1);
        Tenants().ShouldBe(["c", "held"]);
    }

    [Fact]
    public async Task WriteAsync_CancelledWhileQueued_NeverRuns()
    {
        var sut = Fixture.Database;
        await using var held = await HoldWriterAsync(sut);
        using var cancel = new CancellationTokenSource();

        var cancelled = sut.WriteAsync(tx => tx.Execute(Insert, ("$tenant", "x"), ("$value", 9)), cancel.Token);
        var kept = Put(sut, "a", 1);
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(cancelled);
        held.Release();

        (await kept).ShouldBe(1);
        Tenants().ShouldBe(["a", "held"]);
    }

    [Fact]
    public async Task WriteAsync_MoreQueuedThanTheCap_AllCommitInSeveralBatches()
    {
        // A second handle on the file with a cap of 3 units per transaction.
        var capped = new SqliteDatabase(Fixture.Options.DatabasePath, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, Migrations.All) { MaxBatch = 3 };
        try
        {
            await using var held = await HoldWriterAsync(capped);
            var units = Enumerable.Range(0, 10).Select(i => Put(capped, $"t{i}", i)).ToList();
            held.Release();

            (await Task.WhenAll(units)).ShouldAllBe(n => n == 1);
            Fixture.Scalar("SELECT COUNT(*) FROM tenant_allowances").ShouldBe(11);
        }
        finally
        {
            capped.Dispose();
        }
    }

    private static Task<int> Put(SqliteDatabase database, string tenant, long value) =>
        database.WriteAsync(tx => tx.Execute(Insert, ("$tenant", tenant), ("$value", value)), Ct);

    private List<string> Tenants()
    {
        using var connection = Fixture.Database.OpenRead();
        return [.. connection.ReadAll("SELECT tenant_id FROM tenant_allowances ORDER BY tenant_id;", r => r.GetString(0))];
    }

    /// <summary>A unit that holds the writer (inside its transaction) until released; it writes the tenant "held".</summary>
    private static async Task<HeldWriter> HoldWriterAsync(SqliteDatabase database)
    {
        var held = new HeldWriter();
        held.Unit = Task.Run(() => database.WriteAsync(tx =>
        {
            held.Started.Set();
            held.Gate.Wait();
            return tx.Execute(Insert, ("$tenant", "held"), ("$value", 0));
        }, Ct));
        await Task.Run(held.Started.Wait);
        return held;
    }

    private sealed class HeldWriter : IAsyncDisposable
    {
        public ManualResetEventSlim Started { get; } = new();

        public ManualResetEventSlim Gate { get; } = new();

        public Task<int> Unit { get; set; } = Task.FromResult(0);

        public void Release() => Gate.Set();

        public async ValueTask DisposeAsync()
        {
            Gate.Set();
            await Unit;
            Started.Dispose();
            Gate.Dispose();
        }
    }
}
