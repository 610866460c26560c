using ChatBot.Storage.Platform;
using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Platform;

public sealed class SqliteEventDeduplicatorTests : IDisposable
{
    private readonly StorageFixture _fixture = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task TryMarkAsync_Repeat_IsFalse()
    {
        var sut = CreateSut();

        (await sut.TryMarkAsync("discord", "interaction-1", _ct)).ShouldBeTrue();
        (await sut.TryMarkAsync("discord", "interaction-1", _ct)).ShouldBeFalse();
        (await sut.TryMarkAsync("discord", "interaction-2", _ct)).ShouldBeTrue();
        (await sut.TryMarkAsync("slack", "interaction-1", _ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task TryMarkAsync_AfterRestart_StillRemembers()
    {
        await CreateSut().TryMarkAsync("slack", "Ev01", _ct);

        var restarted = new SqliteEventDeduplicator(_fixture.OpenDatabase(), _fixture.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<SqliteEventDeduplicator>.Instance);

        (await restarted.TryMarkAsync("slack", "Ev01", _ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task TryMarkAsync_Racing_AcceptsExactlyOne()
    {
        var sut = CreateSut();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racers = Enumerable.Range(0, 20)
            .Select(_ => Task.Run(async () =>
            {
                await start.Task;
                return await sut.TryMarkAsync("discord", "same", CancellationToken.None);
            }, _ct))
            .ToList();
        start.SetResult();

        (await Task.WhenAll(racers)).Count(first => first).ShouldBe(1);
    }

    [Fact]
    public async Task TryMarkAsync_DayLater_PrunesOldEntries()
    {
        var sut = CreateSut();
        await sut.TryMarkAsync("discord", "old-1", _ct);
        await sut.TryMarkAsync("discord", "old-2", _ct);
        _fixture.Time.Advance(TimeSpan.FromHours(2));
        await sut.TryMarkAsync("discord", "recent", _ct);

        _fixture.Time.Advance(TimeSpan.FromHours(23));
        await sut.TryMarkAsync("discord", "trigger", _ct);

        _fixture.Scalar("SELECT COUNT(*) FROM seen_events").ShouldBe(2);
        _fixture.Scalar("SELECT COUNT(*) FROM seen_events WHERE event_id = 'recent'").ShouldBe(1);
    }

    private SqliteEventDeduplicator CreateSut() => _fixture.CreateDeduplicator();
}
