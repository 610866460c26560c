using ChatBot.Core.Platform;
using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Workers;

public abstract class WorkerRegistryContract() : StoreContractTest(defaultAllowance: 50)
{
    private static readonly TimeSpan LiveFor = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task HeartbeatAsync_Alone_CountsItself()
    {
        var sut = CreateSut();

        (await sut.HeartbeatAsync("worker-a", "All", LiveFor, Ct)).ShouldBe(1);
        (await sut.HeartbeatAsync("worker-a", "All", LiveFor, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task HeartbeatAsync_SecondHandle_BothCountTwo()
    {
        var sut = CreateSut();
        var other = Fixture.OpenAnotherHandle().Workers();

        await sut.HeartbeatAsync("worker-a", "All", LiveFor, Ct);
        (await other.HeartbeatAsync("worker-b", "Jobs", LiveFor, Ct)).ShouldBe(2);
        (await sut.HeartbeatAsync("worker-a", "All", LiveFor, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task HeartbeatAsync_OtherSilentPastLiveFor_NoLongerCounted()
    {
        var sut = CreateSut();
        await sut.HeartbeatAsync("worker-b", "Jobs", LiveFor, Ct);
        Fixture.Time.Advance(LiveFor + TimeSpan.FromSeconds(1));

        (await sut.HeartbeatAsync("worker-a", "All", LiveFor, Ct)).ShouldBe(1);
        Fixture.Scalar("SELECT COUNT(*) FROM workers").ShouldBe(2);
    }

    [Fact]
    public async Task HeartbeatAsync_OtherSilentForADay_RowRemoved()
    {
        var sut = CreateSut();
        await sut.HeartbeatAsync("worker-b", "Jobs", LiveFor, Ct);
        Fixture.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        await sut.HeartbeatAsync("worker-a", "All", LiveFor, Ct);

        Fixture.Scalar("SELECT COUNT(*) FROM workers WHERE worker_id = 'worker-b'").ShouldBe(0);
    }

    [Fact]
    public async Task LeaveAsync_Worker_OthersCountOneLess()
    {
        var sut = CreateSut();
        await sut.HeartbeatAsync("worker-a", "All", LiveFor, Ct);
        await sut.HeartbeatAsync("worker-b", "Jobs", LiveFor, Ct);

        await sut.LeaveAsync("worker-b", Ct);

        (await sut.HeartbeatAsync("worker-a", "All", LiveFor, Ct)).ShouldBe(1);
    }

    private IWorkerRegistry CreateSut() => Fixture.Workers();
}
