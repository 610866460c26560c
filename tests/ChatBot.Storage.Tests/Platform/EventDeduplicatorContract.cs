using ChatBot.Core.Platform;
using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Platform;

public abstract class EventDeduplicatorContract() : StoreContractTest(defaultAllowance: 50)
{
    [Fact]
    public async Task TryMarkAsync_Repeat_IsFalse()
    {
        var sut = CreateSut();

        (await sut.TryMarkAsync("discord", "interaction-1", Ct)).ShouldBeTrue();
        (await sut.TryMarkAsync("discord", "interaction-1", Ct)).ShouldBeFalse();
        (await sut.TryMarkAsync("discord", "interaction-2", Ct)).ShouldBeTrue();
        (await sut.TryMarkAsync("slack", "interaction-1", Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task TryMarkAsync_AfterRestart_StillRemembers()
    {
        await CreateSut().TryMarkAsync("slack", "Ev01", Ct);

        var restarted = Fixture.OpenAnotherHandle().Deduplicator();

        (await restarted.TryMarkAsync("slack", "Ev01", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task TryMarkAsync_Racing_AcceptsExactlyOne()
    {
        var sut = CreateSut();

        var results = await Racers.RunAsync(20, _ => sut.TryMarkAsync("discord", "same", Ct));

        results.Count(first => first).ShouldBe(1);
    }

    [Fact]
    public async Task TryMarkAsync_DayLater_PrunesOldEntries()
    {
        var sut = CreateSut();
        await sut.TryMarkAsync("discord", "old-1", Ct);
        await sut.TryMarkAsync("discord", "old-2", Ct);
        Fixture.Time.Advance(TimeSpan.FromHours(2));
        await sut.TryMarkAsync("discord", "recent", Ct);

        Fixture.Time.Advance(TimeSpan.FromHours(23));
        await sut.TryMarkAsync("discord", "trigger", Ct);

        Fixture.Scalar("SELECT COUNT(*) FROM seen_events").ShouldBe(2);
        Fixture.Scalar("SELECT COUNT(*) FROM seen_events WHERE event_id = 'recent'").ShouldBe(1);
    }

    private IEventDeduplicator CreateSut() => Fixture.Deduplicator();
}
