using ChatBot.Core.Catalog;
using ChatBot.Core.Model;
using ChatBot.Core.Jobs;
using ChatBot.Storage.Tests.TestSupport;
using static ChatBot.Storage.Tests.TestSupport.TestJobs;

namespace ChatBot.Storage.Tests.Jobs;

public abstract class JobStoreContract() : StoreContractTest(defaultAllowance: 50)
{
    [Fact]
    public async Task CreateAsync_BalanceCovers_ReservesAndQueues()
    {
        var sut = CreateSut();

        var result = await sut.CreateAsync(New(Alice, 10, "job-1"), Ct);

        var created = result.ShouldBeOfType<CreateJobResult.Created>();
        created.Job.State.ShouldBe(JobState.Queued);
        created.Job.ReservedCredits.ShouldBe(10);
        Fixture.BalanceOf(Alice).ShouldBe(40);
        var stored = (await sut.GetAsync("job-1", Ct)).ShouldNotBeNull();
        stored.State.ShouldBe(JobState.Queued);
        stored.Account.ShouldBe(Alice);
        stored.Provider.ShouldBe("local");
        stored.Reply.ShouldBe(new ReplyHandle("playground", "reply-1"));
        stored.CreatedAt.ShouldBe(Fixture.Time.GetUtcNow());
        Fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'reserve' AND job_id = 'job-1' AND amount = -10").ShouldBe(1);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task CreateAsync_BalanceTooLow_WritesNothing()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 45), Ct);
        var ledgerRows = Fixture.Scalar("SELECT COUNT(*) FROM ledger");

        var result = await sut.CreateAsync(New(Alice, 6, "too-dear"), Ct);

        result.ShouldBe(new CreateJobResult.InsufficientCredits(5, 6));
        (await sut.GetAsync("too-dear", Ct)).ShouldBeNull();
        Fixture.Scalar("SELECT COUNT(*) FROM ledger").ShouldBe(ledgerRows);
        Fixture.BalanceOf(Alice).ShouldBe(5);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task CreateAsync_NewAccountWithoutCredits_WritesNothingAtAll()
    {
        var fixture = await NewFixtureAsync(0);
        var sut = fixture.JobStore();

        var result = await sut.CreateAsync(New(Alice, 1), Ct);

        result.ShouldBe(new CreateJobResult.InsufficientCredits(0, 1));
        fixture.Scalar("SELECT COUNT(*) FROM accounts").ShouldBe(0);
        fixture.Scalar("SELECT COUNT(*) FROM jobs").ShouldBe(0);
    }

    [Fact]
    public async Task CreateAsync_FreeModel_CreatesWithoutLedgerEntry()
    {
        var sut = CreateSut();

        var result = await sut.CreateAsync(New(Alice, 0, "free"), Ct);

        result.ShouldBeOfType<CreateJobResult.Created>();
        Fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE job_id = 'free'").ShouldBe(0);
        Fixture.BalanceOf(Alice).ShouldBe(50);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task CreateAsync_FiftyRacingCommands_CreatesExactlyWhatTheBalanceCovers()
    {
        // Balance 62 at price 3 covers 20 jobs and leaves 2.
        var fixture = await NewFixtureAsync(0);
        var sut = fixture.JobStore();
        await fixture.Ledger().GrantAsync(Alice, 62, "test", Ct);

        var results = await Racers.RunAsync(50, i => sut.CreateAsync(New(Alice, 3, $"race-{i}"), Ct));

        results.OfType<CreateJobResult.Created>().Count().ShouldBe(20);
        results.OfType<CreateJobResult.InsufficientCredits>().Count().ShouldBe(30);
        fixture.BalanceOf(Alice).ShouldBe(2);
        fixture.Scalar("SELECT COUNT(*) FROM jobs").ShouldBe(20);
        fixture.Scalar("SELECT SUM(reserved) FROM jobs").ShouldBe(60);
        fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'reserve'").ShouldBe(20);
        fixture.AssertInvariants();
    }

    [Fact]
    public async Task CreateAsync_TwentyRacingCommandsAgainstAQueueLimit_QueuesExactlyTheLimit()
    {
        var fixture = await NewFixtureAsync(0);
        var stores = new[] { fixture.JobStore(), fixture.OpenAnotherHandle().JobStore() };
        await fixture.Ledger().GrantAsync(Alice, 100, "test", Ct);
        await stores[0].CreateAsync(New(Bob, 0, "bob-1") with { MaxQueued = 5 }, Ct);

        var results = await Racers.RunAsync(20, i => stores[i % 2].CreateAsync(New(Alice, 2, $"race-{i}") with { MaxQueued = 5 }, Ct));

        results.OfType<CreateJobResult.Created>().Count().ShouldBe(5);
        results.OfType<CreateJobResult.QueueFull>().ShouldAllBe(r => r.Queued == 5 && r.Limit == 5);
        results.OfType<CreateJobResult.QueueFull>().Count().ShouldBe(15);
        fixture.BalanceOf(Alice).ShouldBe(90);
        fixture.AssertInvariants();
    }

    [Fact]
    public async Task CreateAsync_QueueLimit_CountsOnlyWaitingJobs()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 1, "job-1") with { MaxQueued = 1 }, Ct);
        (await sut.CreateAsync(New(Alice, 1, "job-2") with { MaxQueued = 1 }, Ct)).ShouldBeOfType<CreateJobResult.QueueFull>();

        await sut.TryTransitionAsync("job-1", JobState.Queued, JobState.Submitting, Ct);

        (await sut.CreateAsync(New(Alice, 1, "job-2") with { MaxQueued = 1 }, Ct)).ShouldBeOfType<CreateJobResult.Created>();
    }

    [Fact]
    public async Task CreateAsync_RacingFromTwoDatabaseHandles_NeverOverspends()
    {
        // Two handles on one file have separate write locks, as two processes would: only SQLite's own
        // locking (BEGIN IMMEDIATE, busy timeout) and the conditional UPDATE keep the balance whole.
        var fixture = await NewFixtureAsync(0);
        var stores = new[] { fixture.JobStore(), fixture.OpenAnotherHandle().JobStore() };
        await fixture.Ledger().GrantAsync(Alice, 25, "test", Ct);

        var results = await Racers.RunAsync(50, i => stores[i % 2].CreateAsync(New(Alice, 1, $"race-{i}"), Ct));

        results.OfType<CreateJobResult.Created>().Count().ShouldBe(25);
        fixture.BalanceOf(Alice).ShouldBe(0);
        fixture.AssertInvariants();
    }

    [Fact]
    public async Task TryTransitionAsync_ExpectedState_MovesOnceAndRecordsStart()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 5, "job-1"), Ct);
        Fixture.Time.Advance(TimeSpan.FromSeconds(3));

        (await sut.TryTransitionAsync("job-1", JobState.Queued, JobState.Submitting, Ct)).ShouldBeTrue();
        (await sut.TryTransitionAsync("job-1", JobState.Queued, JobState.Submitting, Ct)).ShouldBeFalse();

        var job = (await sut.GetAsync("job-1", Ct)).ShouldNotBeNull();
        job.State.ShouldBe(JobState.Submitting);
        job.StartedAt.ShouldBe(Fixture.Time.GetUtcNow());
    }

    [Fact]
    public async Task TryTransitionAsync_UnknownJob_ReturnsFalse()
    {
        var sut = CreateSut();

        (await sut.TryTransitionAsync("nope", JobState.Queued, JobState.Submitting, Ct)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(JobState.Queued, JobState.Succeeded)]
    [InlineData(JobState.Running, JobState.Cancelled)]
    [InlineData(JobState.Failed, JobState.Queued)]
    public async Task TryTransitionAsync_TerminalState_Throws(JobState from, JobState to)
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 5, "job-1"), Ct);

        await Should.ThrowAsync<ArgumentException>(() => sut.TryTransitionAsync("job-1", from, to, Ct));
    }

    [Fact]
    public async Task MarkSubmittedAsync_Submitting_StoresRemoteIdAndRuns()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 5, "job-1"), Ct);
        await sut.TryTransitionAsync("job-1", JobState.Queued, JobState.Submitting, Ct);

        (await sut.MarkSubmittedAsync("job-1", "remote-42", "{\"cursor\":1}", Ct)).ShouldBeTrue();
        (await sut.MarkSubmittedAsync("job-1", "remote-43", null, Ct)).ShouldBeFalse();

        var job = (await sut.GetAsync("job-1", Ct)).ShouldNotBeNull();
        job.State.ShouldBe(JobState.Running);
        job.RemoteId.ShouldBe("remote-42");
        job.ResumeState.ShouldBe("{\"cursor\":1}");
    }

    [Fact]
    public async Task MarkSubmittedAsync_StillQueued_ReturnsFalse()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 5, "job-1"), Ct);

        (await sut.MarkSubmittedAsync("job-1", "remote-42", null, Ct)).ShouldBeFalse();
        (await sut.GetAsync("job-1", Ct))!.RemoteId.ShouldBeNull();
    }

    [Fact]
    public async Task MarkDeliveringAsync_Running_StoresOutputsInOrder()
    {
        var sut = CreateSut();
        await RunToDeliveringAsync(sut, "job-1", 5, ["b.png", "a.png"]);

        var job = (await sut.GetAsync("job-1", Ct)).ShouldNotBeNull();
        job.State.ShouldBe(JobState.Delivering);
        job.OutputKeys.ShouldBe(["b.png", "a.png"]);
    }

    [Fact]
    public async Task MarkDeliveringAsync_Queued_ReturnsFalse()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 5, "job-1"), Ct);

        (await sut.MarkDeliveringAsync("job-1", ["a.png"], Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task CompleteAsync_ActualBelowReservation_ChargesActualAndReleasesRest()
    {
        var sut = CreateSut();
        await RunToDeliveringAsync(sut, "job-1", 10);

        (await sut.CompleteAsync("job-1", 4, Ct)).ShouldBeTrue();

        var job = (await sut.GetAsync("job-1", Ct)).ShouldNotBeNull();
        job.State.ShouldBe(JobState.Succeeded);
        job.ChargedCredits.ShouldBe(4);
        job.FinishedAt.ShouldBe(Fixture.Time.GetUtcNow());
        Fixture.BalanceOf(Alice).ShouldBe(46);
        Fixture.Scalar("SELECT amount FROM ledger WHERE kind = 'release' AND job_id = 'job-1'").ShouldBe(6);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task CompleteAsync_ActualAboveReservation_CapsAtReservation()
    {
        var sut = CreateSut();
        await RunToDeliveringAsync(sut, "job-1", 10);

        (await sut.CompleteAsync("job-1", 25, Ct)).ShouldBeTrue();

        (await sut.GetAsync("job-1", Ct))!.ChargedCredits.ShouldBe(10);
        Fixture.BalanceOf(Alice).ShouldBe(40);
        Fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'release'").ShouldBe(0);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task CompleteAsync_NegativeActual_ChargesNothing()
    {
        var sut = CreateSut();
        await RunToDeliveringAsync(sut, "job-1", 10);

        (await sut.CompleteAsync("job-1", -3, Ct)).ShouldBeTrue();

        (await sut.GetAsync("job-1", Ct))!.ChargedCredits.ShouldBe(0);
        Fixture.BalanceOf(Alice).ShouldBe(50);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task CompleteAsync_NotDelivering_ReturnsFalseAndChargesNothing()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 10, "job-1"), Ct);

        (await sut.CompleteAsync("job-1", 10, Ct)).ShouldBeFalse();

        (await sut.GetAsync("job-1", Ct))!.State.ShouldBe(JobState.Queued);
        Fixture.BalanceOf(Alice).ShouldBe(40);
        Fixture.AssertInvariants();
    }

    [Theory]
    [InlineData(JobState.Failed)]
    [InlineData(JobState.Cancelled)]
    [InlineData(JobState.Refunded)]
    public async Task FailAsync_ActiveJob_RefundsWholeReservation(JobState terminal)
    {
        var sut = CreateSut();
        await RunToDeliveringAsync(sut, "job-1", 10);

        (await sut.FailAsync("job-1", terminal, "the provider gave up", Ct)).ShouldBeTrue();

        var job = (await sut.GetAsync("job-1", Ct)).ShouldNotBeNull();
        job.State.ShouldBe(terminal);
        job.Error.ShouldBe("the provider gave up");
        job.ChargedCredits.ShouldBe(0);
        job.FinishedAt.ShouldNotBeNull();
        Fixture.BalanceOf(Alice).ShouldBe(50);
        Fixture.Scalar("SELECT amount FROM ledger WHERE kind = 'refund' AND job_id = 'job-1'").ShouldBe(10);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task FailAsync_QueuedJob_RefundsAndLeavesActiveList()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 10, "job-1"), Ct);

        (await sut.FailAsync("job-1", JobState.Cancelled, "cancelled by the member", Ct)).ShouldBeTrue();

        (await sut.GetActiveAsync(Alice, Ct)).ShouldBeEmpty();
        Fixture.BalanceOf(Alice).ShouldBe(50);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task FailAsync_NonTerminalTarget_Throws()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 10, "job-1"), Ct);

        await Should.ThrowAsync<ArgumentException>(() => sut.FailAsync("job-1", JobState.Succeeded, "no", Ct));
    }

    [Fact]
    public async Task CompleteThenFail_SecondEndReturnsFalse_LedgerUnchanged()
    {
        var sut = CreateSut();
        await RunToDeliveringAsync(sut, "job-1", 10);
        (await sut.CompleteAsync("job-1", 7, Ct)).ShouldBeTrue();
        var before = Fixture.LedgerOf(Alice);

        (await sut.FailAsync("job-1", JobState.Failed, "late failure", Ct)).ShouldBeFalse();
        (await sut.CompleteAsync("job-1", 7, Ct)).ShouldBeFalse();

        Fixture.LedgerOf(Alice).ShouldBe(before);
        (await sut.GetAsync("job-1", Ct))!.State.ShouldBe(JobState.Succeeded);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task FailThenComplete_SecondEndReturnsFalse_LedgerUnchanged()
    {
        var sut = CreateSut();
        await RunToDeliveringAsync(sut, "job-1", 10);
        (await sut.FailAsync("job-1", JobState.Cancelled, "cancelled", Ct)).ShouldBeTrue();
        var before = Fixture.LedgerOf(Alice);

        (await sut.CompleteAsync("job-1", 10, Ct)).ShouldBeFalse();
        (await sut.FailAsync("job-1", JobState.Failed, "again", Ct)).ShouldBeFalse();
        (await sut.TryTransitionAsync("job-1", JobState.Delivering, JobState.Running, Ct)).ShouldBeFalse();

        Fixture.LedgerOf(Alice).ShouldBe(before);
        (await sut.GetAsync("job-1", Ct))!.State.ShouldBe(JobState.Cancelled);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task CompleteAndFail_Racing_EndTheJobExactlyOnce()
    {
        var sut = CreateSut();
        await RunToDeliveringAsync(sut, "job-1", 10);

        var results = await Racers.RunAsync(20, i => i % 2 == 0
            ? sut.CompleteAsync("job-1", 3, Ct)
            : sut.FailAsync("job-1", JobState.Failed, "race", Ct));

        results.Count(ended => ended).ShouldBe(1);
        Fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE job_id = 'job-1' AND kind IN ('release', 'refund')").ShouldBeLessThanOrEqualTo(1);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task GetActiveAsync_MixedStates_ReturnsNonTerminalOldestFirst()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 1, "first"), Ct);
        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await sut.CreateAsync(New(Bob, 1, "second"), Ct);
        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await sut.CreateAsync(New(Alice, 1, "third"), Ct);
        await sut.CreateAsync(New(Alice, 1, "ended"), Ct);
        await sut.FailAsync("ended", JobState.Cancelled, "cancelled", Ct);
        await sut.TryTransitionAsync("first", JobState.Queued, JobState.Submitting, Ct);

        (await sut.GetActiveAsync(Ct)).Select(j => j.Id).ShouldBe(["first", "second", "third"]);
        (await sut.GetActiveAsync(Alice, Ct)).Select(j => j.Id).ShouldBe(["first", "third"]);
    }

    [Fact]
    public async Task GetAsync_AfterReopen_ReturnsTheWholeSpec()
    {
        var spec = Spec() with
        {
            Kind = CommandKind.RemoveBackground,
            Operation = MediaOperation.RemoveBackground,
            Options = new CommandOptions
            {
                Prompt = "a fox",
                Strength = 0.35,
                Mode = "remove-background",
                Extra = new Dictionary<string, string> { ["cfg"] = "7" },
            },
            Conversation = new Conversation("c1", IsNsfw: true, ThreadId: "t1"),
            Inputs = [new JobInput(MediaRole.Image, "abc.png"), new JobInput(MediaRole.Mask, "def.png")],
            SourceJobId = "job-0",
            SourceOutputIndex = 2,
            TriedProviders = ["aetherwave"],
        };
        await CreateSut().CreateAsync(new NewJob("job-1", Alice, spec, new ReplyHandle("discord", "app:token:msg"), "imagestudio", 3), Ct);

        var reopened = Fixture.OpenAnotherHandle().JobStore();
        var job = (await reopened.GetAsync("job-1", Ct)).ShouldNotBeNull();

        job.Spec.Kind.ShouldBe(spec.Kind);
        job.Spec.Operation.ShouldBe(spec.Operation);
        job.Spec.Options.Prompt.ShouldBe("a fox");
        job.Spec.Options.Strength.ShouldBe(0.35);
        job.Spec.Options.Extra["cfg"].ShouldBe("7");
        job.Spec.Conversation.ShouldBe(spec.Conversation);
        job.Spec.Inputs.ShouldBe(spec.Inputs);
        job.Spec.SourceJobId.ShouldBe("job-0");
        job.Spec.SourceOutputIndex.ShouldBe(2);
        job.Spec.TriedProviders.ShouldBe(["aetherwave"]);
        job.Reply.ShouldBe(new ReplyHandle("discord", "app:token:msg"));
        job.Provider.ShouldBe("imagestudio");
        Fixture.Scalar("SELECT COUNT(*) FROM jobs WHERE spec LIKE '%\"remove-background\"%'").ShouldBe(1);
    }

    [Fact]
    public async Task SetProviderAsync_OtherProvider_RecordsItAndForgetsTheOldRemoteId()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 5, "job-1"), Ct);
        await sut.TryTransitionAsync("job-1", JobState.Queued, JobState.Submitting, Ct);
        await sut.MarkSubmittedAsync("job-1", "remote-1", "state", Ct);
        var spec = Spec("other-model") with { TriedProviders = ["local"] };

        (await sut.SetProviderAsync("job-1", "blackwave", spec, Ct)).ShouldBeTrue();

        var job = (await sut.GetAsync("job-1", Ct)).ShouldNotBeNull();
        job.Provider.ShouldBe("blackwave");
        job.Spec.ModelId.ShouldBe("other-model");
        job.Spec.TriedProviders.ShouldBe(["local"]);
        job.RemoteId.ShouldBeNull();
        job.ResumeState.ShouldBeNull();
    }

    [Fact]
    public async Task SetProviderAsync_EndedJob_ReturnsFalse()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 5, "job-1"), Ct);
        await sut.FailAsync("job-1", JobState.Failed, "gone", Ct);

        (await sut.SetProviderAsync("job-1", "blackwave", Spec(), Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task GetRecentDurationsAsync_SucceededJobs_NewestFirstFromStartToFinish()
    {
        var sut = CreateSut();
        foreach (var (id, seconds) in new[] { ("a", 5), ("b", 7), ("c", 9) })
        {
            await RunToDeliveringAsync(sut, id, 1);
            Fixture.Time.Advance(TimeSpan.FromSeconds(seconds));
            await sut.CompleteAsync(id, 1, Ct);
        }

        await RunToDeliveringAsync(sut, "failed", 1);
        Fixture.Time.Advance(TimeSpan.FromSeconds(100));
        await sut.FailAsync("failed", JobState.Failed, "boom", Ct);
        await RunToDeliveringAsync(sut, "other-model", 1, model: "other");
        await sut.CompleteAsync("other-model", 1, Ct);

        (await sut.GetRecentDurationsAsync("local-sketch", 2, Ct)).ShouldBe([TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(7)]);
        (await sut.GetRecentDurationsAsync("local-sketch", 10, Ct)).Count.ShouldBe(3);
        (await sut.GetRecentDurationsAsync("unknown", 10, Ct)).ShouldBeEmpty();
    }

    private IJobStore CreateSut() => Fixture.JobStore();

    private async Task RunToDeliveringAsync(IJobStore sut, string id, long price, IReadOnlyList<string>? outputs = null, string model = "local-sketch")
    {
        (await sut.CreateAsync(New(Alice, price, id, model), Ct)).ShouldBeOfType<CreateJobResult.Created>();
        (await sut.TryTransitionAsync(id, JobState.Queued, JobState.Submitting, Ct)).ShouldBeTrue();
        (await sut.MarkSubmittedAsync(id, "remote-" + id, null, Ct)).ShouldBeTrue();
        (await sut.MarkDeliveringAsync(id, outputs ?? ["out.png"], Ct)).ShouldBeTrue();
    }
}
