using ChatBot.Core.Jobs;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Tests.Jobs;

public sealed class JobSchedulerTests
{
    [Fact]
    public async Task Enqueue_OneMemberFloods_OthersAreInterleaved()
    {
        var engine = new EngineFixture(new SchedulerOptions { DefaultProviderConcurrency = 1, MaxRunningPerUser = 2 });
        var provider = engine.Providers[0];
        var sut = engine.Scheduler;

        sut.Enqueue(engine.Job("a1", "alice")).ShouldBe(0);
        (await provider.NextStartedAsync()).ShouldBe("a1");
        sut.Enqueue(engine.Job("a2", "alice")).ShouldBe(1);
        sut.Enqueue(engine.Job("a3", "alice")).ShouldBe(2);
        sut.Enqueue(engine.Job("a4", "alice")).ShouldBe(3);
        sut.Enqueue(engine.Job("b1", "bob")).ShouldBe(2);
        sut.Enqueue(engine.Job("c1", "carol")).ShouldBe(3);

        sut.PositionOf("a2").ShouldBe(1);
        sut.PositionOf("b1").ShouldBe(2);
        sut.PositionOf("c1").ShouldBe(3);
        sut.PositionOf("a3").ShouldBe(4);
        sut.PositionOf("a4").ShouldBe(5);

        var order = new List<string> { "a1" };
        var current = "a1";
        for (var i = 0; i < 5; i++)
        {
            provider.Succeed(current);
            current = await provider.NextStartedAsync();
            order.Add(current);
        }

        order.ShouldBe(["a1", "a2", "b1", "c1", "a3", "a4"]);
    }

    [Fact]
    public async Task Enqueue_LineMoves_QueuedRepliesShowNewPosition()
    {
        var engine = new EngineFixture(new SchedulerOptions { DefaultProviderConcurrency = 1 });
        var provider = engine.Providers[0];
        engine.Scheduler.Enqueue(engine.Job("a1", "alice"));
        await provider.NextStartedAsync();
        engine.Scheduler.Enqueue(engine.Job("b1", "bob"));
        engine.Scheduler.Enqueue(engine.Job("c1", "carol"));

        provider.Succeed("a1");
        await provider.NextStartedAsync();

        engine.Scheduler.PositionOf("c1").ShouldBe(1);
        var c1Updates = engine.Replies.Updates.Where(u => u.Reply == "c1").Select(u => u.View.QueuePosition).ToList();
        c1Updates.ShouldContain(2);
        c1Updates.ShouldContain(1);
    }

    [Fact]
    public async Task Enqueue_MemberAtRunningLimit_WaitsEvenWithFreeProvider()
    {
        var engine = new EngineFixture(new SchedulerOptions { DefaultProviderConcurrency = 10, MaxRunningPerUser = 2 });
        var provider = engine.Providers[0];

        engine.Scheduler.Enqueue(engine.Job("a1", "alice"));
        engine.Scheduler.Enqueue(engine.Job("a2", "alice"));
        engine.Scheduler.Enqueue(engine.Job("a3", "alice")).ShouldBe(1);
        await provider.NextStartedAsync();
        await provider.NextStartedAsync();

        engine.Scheduler.Running.ShouldBe(2);
        engine.Scheduler.Queued.ShouldBe(1);
        provider.Succeed("a1");
        (await provider.NextStartedAsync()).ShouldBe("a3");
    }

    [Fact]
    public async Task Cancel_QueuedJob_RefundsAndEndsReplyAsCancelled()
    {
        var engine = new EngineFixture(new SchedulerOptions { DefaultProviderConcurrency = 1 });
        engine.Scheduler.Enqueue(engine.Job("a1", "alice"));
        await engine.Providers[0].NextStartedAsync();
        engine.Scheduler.Enqueue(engine.Job("b1", "bob"));

        engine.Scheduler.Cancel("b1").ShouldBeTrue();

        var final = (ReplyView)await engine.Replies.FinalAsync("b1");
        final.Status.ShouldBe(ReplyStatus.Cancelled);
        final.StatusText.ShouldContain("No credits were charged");
        await engine.Store.Received(1).FailAsync("b1", JobState.Cancelled, Arg.Any<string>(), Arg.Any<CancellationToken>());
        engine.Scheduler.Queued.ShouldBe(0);
    }

    [Fact]
    public async Task Cancel_RunningJob_RefundsThroughTheStore()
    {
        var engine = new EngineFixture();
        engine.Scheduler.Enqueue(engine.Job("a1", "alice"));
        await engine.Providers[0].NextStartedAsync();

        engine.Scheduler.Cancel("a1").ShouldBeTrue();

        ((ReplyView)await engine.Replies.FinalAsync("a1")).Status.ShouldBe(ReplyStatus.Cancelled);
        await engine.Store.Received(1).FailAsync("a1", JobState.Cancelled, Arg.Any<string>(), Arg.Any<CancellationToken>(), engine.Leases.Owner);
        await engine.Store.DidNotReceiveWithAnyArgs().CompleteAsync(default!, default, default);
    }

    [Fact]
    public async Task AdmitAsync_StartsAtOnce_FirstViewIsStartingWithTheNote()
    {
        var engine = new EngineFixture();
        var sut = engine.Scheduler;

        await sut.AdmitAsync(engine.Job("a1", "alice"), "Model a is busy, so model b runs it.");

        var first = engine.Replies.Updates.First(u => u.Reply == "a1").View;
        first.Status.ShouldBe(ReplyStatus.Running);
        first.StatusText.ShouldBe("Starting… · 2 credits reserved\nModel a is busy, so model b runs it.");
        (await engine.Providers[0].NextStartedAsync()).ShouldBe("a1");
    }

    [Fact]
    public async Task AdmitAsync_LineIsBusy_FirstViewShowsThePlaceWithTheNote()
    {
        var engine = new EngineFixture(new SchedulerOptions { DefaultProviderConcurrency = 1 });
        var sut = engine.Scheduler;
        sut.Enqueue(engine.Job("a1", "alice"));
        await engine.Providers[0].NextStartedAsync();

        await sut.AdmitAsync(engine.Job("b1", "bob"), "A note.");

        var first = engine.Replies.Updates.Where(u => u.Reply == "b1").ShouldHaveSingleItem().View;
        first.Status.ShouldBe(ReplyStatus.Queued);
        first.StatusText.ShouldBe("Queued — next in line · 2 credits reserved\nA note.");
        sut.PositionOf("b1").ShouldBe(1);
    }
}
