using ChatBot.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Discord.Tests.Gateway;

public sealed class GatewayReconnectPolicyTests
{
    private readonly FakeTimeProvider _clock = new();

    private GatewayReconnectPolicy CreateSut(int shardId = 0) => new(_clock, () => 1.0, shardId);

    [Fact]
    public void IdentifyDelay_BudgetSpent_WaitsUntilReset()
    {
        var sut = CreateSut();
        sut.OnLimit(new SessionStartLimit(1000, 0, (long)TimeSpan.FromHours(3).TotalMilliseconds));

        sut.IdentifyDelay().ShouldBe(TimeSpan.FromHours(3));
    }

    [Fact]
    public void IdentifyDelay_RightAfterAnIdentify_WaitsTheFiveSecondWindow()
    {
        var sut = CreateSut();
        sut.OnLimit(new SessionStartLimit(1000, 900, 3_600_000));
        sut.OnIdentify();
        _clock.Advance(TimeSpan.FromSeconds(2));

        sut.IdentifyDelay().ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void IdentifyDelay_QuarterOfBudgetLeft_SpreadsTheRestOverTheTimeLeft()
    {
        var sut = CreateSut();
        sut.OnLimit(new SessionStartLimit(1000, 101, (long)TimeSpan.FromHours(10).TotalMilliseconds));
        sut.OnIdentify();

        sut.IdentifyDelay().ShouldBe(TimeSpan.FromHours(10) / 100);
    }

    [Fact]
    public void IdentifyDelay_SecondShardOfOneBucket_StartsAWindowLater()
    {
        var sut = CreateSut(shardId: 1);
        sut.OnLimit(new SessionStartLimit(1000, 1000, 3_600_000, MaxConcurrency: 1));

        sut.IdentifyDelay().ShouldBe(GatewayReconnectPolicy.IdentifyWindow);
    }

    [Fact]
    public void Backoff_SessionsEndingRightAfterReady_KeepsGrowing()
    {
        var sut = CreateSut();
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            sut.OnConnectionEnded(_clock.GetUtcNow());
            waits.Add(sut.Backoff());
        }

        waits.ShouldBe([.. waits.Order()]);
        waits[^1].ShouldBe(TimeSpan.FromSeconds(32));
    }

    [Fact]
    public void Backoff_AfterASessionThatStayedUp_StartsOver()
    {
        var sut = CreateSut();
        sut.OnConnectFailed();
        sut.OnConnectFailed();
        var established = _clock.GetUtcNow();
        _clock.Advance(GatewayReconnectPolicy.StableAfter);

        sut.OnConnectionEnded(established);

        sut.Backoff().ShouldBe(TimeSpan.Zero);
    }
}
