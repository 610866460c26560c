using ChatBot.Core.Replies;

namespace ChatBot.Core.Tests.Jobs;

public sealed class JobLeasesTests
{
    [Fact]
    public async Task Run_LeaseTakenOverWhileTheProviderRuns_PostsNothingAndEndsNothing()
    {
        var engine = new EngineFixture();
        var run = engine.Runner.RunAsync(engine.Job("j1", "alice"), CancellationToken.None, CancellationToken.None);
        await engine.Providers[0].NextStartedAsync();

        // The worker paused past its lease and another took the job over: the store no longer lists it as this worker's.
        engine.Store.RenewLeasesAsync(default!, default, default).ReturnsForAnyArgs(Array.Empty<string>());
        engine.Time.Advance(TimeSpan.FromSeconds(31));
        engine.Providers[0].Succeed("j1");
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        await engine.Store.DidNotReceiveWithAnyArgs().CompleteAsync(default!, default, default);
        await engine.Store.DidNotReceiveWithAnyArgs().FailAsync(default!, default, default!, default);
        engine.Replies.Updates.Select(u => u.View).OfType<ReplyView>().ShouldNotContain(v => v.IsFinal);
    }

    [Fact]
    public async Task Run_LeaseRenewedMeanwhile_PostsAndCompletesFenced()
    {
        var engine = new EngineFixture();
        var run = engine.Runner.RunAsync(engine.Job("j1", "alice"), CancellationToken.None, CancellationToken.None);
        await engine.Providers[0].NextStartedAsync();

        engine.Time.Advance(TimeSpan.FromSeconds(31));
        engine.Providers[0].Succeed("j1");
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        (await engine.Replies.FinalAsync("j1")).ShouldBeOfType<ResultView>();
        await engine.Store.Received(1).RenewLeasesAsync(engine.Leases.Owner, Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>());
        await engine.Store.Received(1).CompleteAsync("j1", Arg.Any<long>(), Arg.Any<CancellationToken>(), engine.Leases.Owner, Arg.Any<IReadOnlyList<string>?>());
    }

    [Fact]
    public async Task Run_QueuedJob_ClaimsItUnderThisWorkersLeaseInsteadOfATransition()
    {
        var engine = new EngineFixture();
        var run = engine.Runner.RunAsync(engine.Job("j1", "alice"), CancellationToken.None, CancellationToken.None);
        await engine.Providers[0].NextStartedAsync();
        engine.Providers[0].Succeed("j1");
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        await engine.Store.Received(1).ClaimAsync("j1", engine.Leases.Owner, TimeSpan.FromSeconds(30), Arg.Any<CancellationToken>());
        await engine.Store.DidNotReceiveWithAnyArgs().TryTransitionAsync(default!, default, default, default);
        await engine.Store.DidNotReceiveWithAnyArgs().MarkDeliveringAsync(default!, default!, default);
    }
}
