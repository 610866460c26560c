using ChatBot.Emulators.Time;
using ChatBot.Discord.Gateway;

namespace ChatBot.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task WaitAsync_OverTheLimit_WaitsUntilTheWindowMoves()
    {
        var clock = new TimerAwareFakeTimeProvider();
        var sut = new GatewaySendLimiter(clock);
        for (var i = 0; i < 120; i++)
        {
            await sut.WaitAsync(CancellationToken.None);
        }

        var next = sut.WaitAsync(CancellationToken.None);
        await clock.WaitForTimersAsync();
        next.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(60));

        await next;
    }
}
