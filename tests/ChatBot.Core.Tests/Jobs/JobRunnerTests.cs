using ChatBot.Core.Catalog;
using ChatBot.Core.Providers;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Tests.Jobs;

public sealed class JobRunnerTests
{
    [Fact]
    public async Task Run_ProviderSucceeds_PostsResultWithButtonsAndChargesReservation()
    {
        var engine = new EngineFixture();
        engine.Scheduler.Enqueue(engine.Job("j1", "alice"));
        await engine.Providers[0].NextStartedAsync();

        engine.Providers[0].Succeed("j1");

        var final = await engine.Replies.FinalAsync("j1");
        var result = final as ResultView ?? throw new ShouldAssertException(((ReplyView)final).StatusText);
        result.Files.Count.ShouldBe(1);
        result.Files[0].Media.ContentType.ShouldBe("image/png");
        result.Buttons.Select(b => b.Action).ShouldContain(ButtonAction.Upscale);
        result.Buttons.Select(b => b.Action).ShouldContain(ButtonAction.Reroll);
        result.CreditsCharged.ShouldBe(2);
        await engine.Store.Received(1).MarkSubmittedAsync("j1", "remote-j1", null, Arg.Any<CancellationToken>(), engine.Leases.Owner);
        await engine.SettledAsync("j1");
        await engine.Store.Received(1).CompleteAsync("j1", 2, Arg.Any<CancellationToken>(), engine.Leases.Owner, Arg.Any<IReadOnlyList<string>?>());
    }

    [Fact]
    public async Task Run_ProviderReportsCost_ChargesConvertedCostCappedAtReservation()
    {
        var provider = new EngineFixture.GatedProvider("p");
        var engine = new EngineFixture(null, provider);
        var catalog = new ModelCatalog(engine.Catalog.Models, [new ProviderInfo { Name = "p", CreditsPerProviderUnit = 0.5 }]);
        var runner = engine.CreateRunner(catalog);
        provider.Succeed("j1", cost: 1.5m);

        await runner.RunAsync(engine.Job("j1", "alice"), CancellationToken.None, CancellationToken.None);

        await engine.SettledAsync("j1");
        await engine.Store.Received(1).CompleteAsync("j1", 1, Arg.Any<CancellationToken>(), engine.Leases.Owner, Arg.Any<IReadOnlyList<string>?>());
    }

    [Fact]
    public async Task Run_ProviderFails_RefundsAndSaysWhy()
    {
        var engine = new EngineFixture();
        engine.Scheduler.Enqueue(engine.Job("j1", "alice"));
        await engine.Providers[0].NextStartedAsync();

        engine.Providers[0].Fail("j1", "The image was flagged by the provider's safety filter.");

        var final = (ReplyView)await engine.Replies.FinalAsync("j1");
        final.Status.ShouldBe(ReplyStatus.Failed);
        final.StatusText.ShouldBe("The image was flagged by the provider's safety filter. No credits were charged.");
        await engine.Store.Received(1).FailAsync("j1", JobState.Failed, "boom", Arg.Any<CancellationToken>(), engine.Leases.Owner);
        await engine.Store.DidNotReceiveWithAnyArgs().CompleteAsync(default!, default, default);
    }

    [Fact]
    public async Task Run_FirstProviderNeverReached_FallsBackAndSaysWhichProviderRan()
    {
        var down = new EngineFixture.GatedProvider("a") { SubmitError = new ProviderException("unreachable", "down") { NeverReachedProvider = true } };
        var up = new EngineFixture.GatedProvider("b");
        var engine = new EngineFixture(null, down, up);
        engine.Scheduler.Enqueue(engine.Job("j1", "alice", provider: "a"));

        (await up.NextStartedAsync()).ShouldBe("j1");
        up.Succeed("j1");

        var result = (ResultView)await engine.Replies.FinalAsync("j1");
        result.ModelLabel.ShouldContain("Provider b");
        result.Details.ShouldContain("Provider a could not take the job, so Provider b runs it");
        await engine.Store.Received(1).SetProviderAsync("j1", "b", Arg.Is<JobSpec>(s => s.ModelId == "m-b" && s.TriedProviders.Contains("a")), Arg.Any<CancellationToken>(), engine.Leases.Owner);
    }

    [Fact]
    public async Task Run_FallbackToCheaperModel_ChargesNoMoreThanItsPrice()
    {
        var down = new EngineFixture.GatedProvider("a") { PricePerOutput = 12, SubmitError = new ProviderException("busy", "busy") { NeverReachedProvider = true } };
        var cheap = new EngineFixture.GatedProvider("b") { PricePerOutput = 1 };
        var engine = new EngineFixture(null, down, cheap);
        engine.Scheduler.Enqueue(engine.Job("j1", "alice", provider: "a") with { ReservedCredits = 12 });

        await cheap.NextStartedAsync();
        cheap.Succeed("j1");

        ((ResultView)await engine.Replies.FinalAsync("j1")).CreditsCharged.ShouldBe(1);
        await engine.SettledAsync("j1");
        await engine.Store.Received(1).CompleteAsync("j1", 1, Arg.Any<CancellationToken>(), engine.Leases.Owner, Arg.Any<IReadOnlyList<string>?>());
    }

    [Fact]
    public async Task Run_RetryableErrorThatMayHaveReachedProvider_FailsInsteadOfRunningTwice()
    {
        var flaky = new EngineFixture.GatedProvider("a") { SubmitError = new ProviderException("server_error", "AetherWave answered 500.", retryable: true) };
        var other = new EngineFixture.GatedProvider("b");
        var engine = new EngineFixture(null, flaky, other);
        engine.Scheduler.Enqueue(engine.Job("j1", "alice", provider: "a"));

        var final = (ReplyView)await engine.Replies.FinalAsync("j1");

        final.Status.ShouldBe(ReplyStatus.Failed);
        other.Submitted.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_SubmitRefused_FailsWithProviderMessage()
    {
        var refusing = new EngineFixture.GatedProvider("p") { SubmitError = new ProviderException("nsfw", "The prompt was refused by the provider's content filter.") };
        var engine = new EngineFixture(null, refusing);
        engine.Scheduler.Enqueue(engine.Job("j1", "alice"));

        var final = (ReplyView)await engine.Replies.FinalAsync("j1");

        final.StatusText.ShouldStartWith("The prompt was refused by the provider's content filter.");
        await engine.Store.DidNotReceiveWithAnyArgs().MarkSubmittedAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Run_JobAlreadyEnded_DoesNotSubmit()
    {
        var engine = new EngineFixture();
        engine.Store.ClaimAsync("j1", Arg.Any<string>(), Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>()).Returns(false);

        await engine.Runner.RunAsync(engine.Job("j1", "alice"), CancellationToken.None, CancellationToken.None);

        engine.Providers[0].Submitted.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_ProviderAnswersAtOnce_DeliversWithoutTracking()
    {
        var engine = new EngineFixture(null, new EngineFixture.GatedProvider("p") { AnswersAtOnce = true });

        await engine.Runner.RunAsync(engine.Job("j1", "alice"), CancellationToken.None, CancellationToken.None);

        (await engine.Replies.FinalAsync("j1")).ShouldBeOfType<ResultView>().Files.Count.ShouldBe(1);
        engine.Providers[0].Tracked.ShouldBe(0);
        await engine.SettledAsync("j1");
        await engine.Store.Received(1).CompleteAsync("j1", 2, Arg.Any<CancellationToken>(), engine.Leases.Owner, Arg.Any<IReadOnlyList<string>?>());
    }
}
