using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Tests.WebApi;

public sealed class SlackRatePacerTests
{
    private readonly FakeTimeProvider _time = new();

    private SlackRatePacer CreateSut(int historyCallsPerMinute = 50) =>
        new(_time, Microsoft.Extensions.Options.Options.Create(new SlackOptions { HistoryCallsPerMinute = historyCallsPerMinute }));

    [Fact]
    public void Reserve_HistoryOfAnAppOutsideTheMarketplace_OneCallAMinute()
    {
        var sut = CreateSut(historyCallsPerMinute: 1);

        var waits = Enumerable.Range(0, 3).Select(_ => sut.Reserve("conversations.history", "conversations.history")).ToList();

        waits.ShouldBe([TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)]);
    }

    [Fact]
    public void Reserve_ChatUpdateBurst_TenFreeThenPacedAtTier3()
    {
        var sut = CreateSut();

        var waits = Enumerable.Range(0, 12).Select(_ => sut.Reserve("chat.update", "chat.update")).ToList();

        waits.Take(10).ShouldAllBe(w => w == TimeSpan.Zero);
        waits[10].TotalSeconds.ShouldBe(1.2, 0.001);
        waits[11].TotalSeconds.ShouldBe(2.4, 0.001);
    }

    [Fact]
    public void Reserve_AfterIdle_BucketRefills()
    {
        var sut = CreateSut();
        for (var i = 0; i < 10; i++)
        {
            sut.Reserve("chat.update", "chat.update");
        }

        _time.Advance(TimeSpan.FromSeconds(12));

        sut.Reserve("chat.update", "chat.update").ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Reserve_PostMessage_PacedPerChannel()
    {
        var sut = CreateSut();
        for (var i = 0; i < 5; i++)
        {
            sut.Reserve("chat.postMessage", "chat.postMessage:C1").ShouldBe(TimeSpan.Zero);
        }

        sut.Reserve("chat.postMessage", "chat.postMessage:C1").ShouldBe(TimeSpan.FromSeconds(1));
        sut.Reserve("chat.postMessage", "chat.postMessage:C2").ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Reserve_UntieredMethod_NeverWaits()
    {
        var sut = CreateSut();

        Enumerable.Range(0, 100).Select(_ => sut.Reserve("auth.test", "auth.test")).ShouldAllBe(w => w == TimeSpan.Zero);
    }
}
