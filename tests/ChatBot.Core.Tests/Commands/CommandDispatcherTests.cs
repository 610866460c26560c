using ChatBot.Core.Commands;
using ChatBot.Core.Commands.Handlers;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Media;
using ChatBot.Core.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute.Extensions;

namespace ChatBot.Core.Tests.Commands;

public sealed class CommandDispatcherTests
{
    private readonly EngineFixture _engine = new(new SchedulerOptions { MaxQueuedPerUser = 2, DefaultProviderConcurrency = 1 });
    private readonly ICreditLedger _ledger = Substitute.For<ICreditLedger>();
    private readonly ITenantSettingsStore _tenants = Substitute.For<ITenantSettingsStore>();
    private readonly Actor _alice = new("test", "t1", "alice", "Alice", IsAdmin: false);

    public CommandDispatcherTests()
    {
        _tenants.GetAsync(default, default).ReturnsForAnyArgs(new TenantSettings());
        _ledger.GetAllowanceAsync(default, default).ReturnsForAnyArgs(50);
        _engine.Store.CreateAsync(default!, default).ReturnsForAnyArgs(call =>
        {
            var job = call.ArgAt<NewJob>(0);
            return new CreateJobResult.Created(new JobRecord
            {
                Id = job.Id,
                Account = job.Account,
                State = JobState.Queued,
                Spec = job.Spec,
                Reply = job.Reply,
                Provider = job.Provider,
                ReservedCredits = job.Price,
            });
        });
    }

    [Fact]
    public async Task Dispatch_Imagine_ReservesQuotedPriceAndQueues()
    {
        var outcome = await CreateSut().DispatchAsync(Request("/imagine a lighthouse at dusk --n 3"), default);

        outcome.ShouldBeOfType<CommandOutcome.Accepted>();
        await _engine.Store.Received(1).CreateAsync(Arg.Is<NewJob>(j => j.Price == 6 && j.Spec.Options.Prompt == "a lighthouse at dusk" && j.Spec.ModelId == "m-p"), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("/imagine --ar 16:9", "Tell me what to imagine")]
    [InlineData("/imagine a fox --model nope", "I don't know the model `nope`")]
    [InlineData("/imagine a fox --n 9", "at most 4 image(s)")]
    [InlineData("/upscale", "Attach the image to upscale")]
    [InlineData("/edit a fox --mode paint", "is not an edit mode")]
    public async Task Dispatch_BadInput_IsRefusedBeforeAnyReservation(string line, string expected)
    {
        var outcome = await CreateSut().DispatchAsync(Request(line), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain(expected);
        await _engine.Store.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
    }

    [Fact]
    public async Task Dispatch_VideoRemoveBackgroundWithMp4_StoresItAsVideoInput()
    {
        var mp4 = new byte[64];
        mp4[3] = 0x18;
        "ftypisom"u8.CopyTo(mp4.AsSpan(4));
        _engine.Media.Configure().OpenReadAsync("clip", Arg.Any<CancellationToken>()).Returns(_ => new MemoryStream(mp4));
        var request = Request("/video --mode remove-background") with { Inputs = [MediaRef.FromStore("clip", "clip.mp4")] };

        var outcome = await CreateSut().DispatchAsync(request, default);

        outcome.ShouldBeOfType<CommandOutcome.Accepted>((outcome as CommandOutcome.Refused)?.Message);
        await _engine.Store.Received(1).CreateAsync(
            Arg.Is<NewJob>(j => j.Spec.Operation == ChatBot.Core.Catalog.MediaOperation.VideoRemoveBackground && j.Spec.Inputs.Single().Role == MediaRole.Video),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Dispatch_LipSyncWithoutAudio_IsRefusedAfterReadingTheFiles()
    {
        var request = Request("/video --mode lipsync") with { Inputs = [MediaRef.FromStore("face", "face.png")] };

        var outcome = await CreateSut().DispatchAsync(request, default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("audio file");
        await _engine.Store.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
    }

    [Fact]
    public async Task Dispatch_PromptTooLong_NamesTheLimit()
    {
        var outcome = await CreateSut(new ValidationOptions { MaxPromptLength = 10 }).DispatchAsync(Request("/imagine a very long prompt indeed"), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldBe("Your prompt is 25 characters; the limit is 10. Please shorten it.");
    }

    [Fact]
    public async Task Dispatch_BlockedWord_IsRefusedWithoutEchoingIt()
    {
        var outcome = await CreateSut(new ValidationOptions { Blocklist = ["gore"] }).DispatchAsync(Request("/imagine lots of GORE please"), default);

        var message = outcome.ShouldBeOfType<CommandOutcome.Refused>().Message;
        message.ShouldContain("blocked");
        message.ShouldNotContain("gore", Case.Insensitive);
    }

    [Fact]
    public async Task Dispatch_NotEnoughCredits_SaysPriceBalanceAndTopUp()
    {
        _engine.Store.Configure().CreateAsync(default!, default).ReturnsForAnyArgs(new CreateJobResult.InsufficientCredits(1, 2));

        var outcome = await CreateSut().DispatchAsync(Request("/imagine a fox"), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldBe("This needs 2 credits; you have 1 credit. Your daily allowance tops you up to 50 at 00:00 UTC.");
    }

    [Fact]
    public async Task Dispatch_StoreFindsTheQueueFull_RefusesNamingTheLimit()
    {
        _engine.Store.Configure().CreateAsync(default!, default).ReturnsForAnyArgs(new CreateJobResult.QueueFull(2, 2));

        var outcome = await CreateSut().DispatchAsync(Request("/imagine a fox"), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldBe("You already have 2 jobs waiting (the limit is 2). Wait for one to finish, or `/cancel` one.");
        await _engine.Store.Received(1).CreateAsync(Arg.Is<NewJob>(j => j.MaxQueued == 2), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Dispatch_QueueLimitReached_RefusesWithoutReserving()
    {
        var sut = CreateSut();
        for (var i = 0; i < 3; i++)
        {
            (await sut.DispatchAsync(Request($"/imagine fox {i}"), default)).ShouldBeOfType<CommandOutcome.Accepted>();
        }

        var outcome = await sut.DispatchAsync(Request("/imagine one too many"), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("already have 2 jobs waiting");
        await _engine.Store.ReceivedWithAnyArgs(3).CreateAsync(default!, default);
    }

    [Fact]
    public async Task Dispatch_GrantByNonAdmin_IsRefused()
    {
        var outcome = await CreateSut().DispatchAsync(Request("/credits grant <@bob> 100"), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("Only admins");
        await _ledger.DidNotReceiveWithAnyArgs().GrantAsync(default, default, default!, default);
    }

    [Fact]
    public async Task Dispatch_GrantByAdmin_CreditsTheTargetInSameTenant()
    {
        _ledger.GrantAsync(default, default, default!, default).ReturnsForAnyArgs(150);

        var outcome = await CreateSut().DispatchAsync(Request("/credits grant <@bob> 100", _alice with { IsAdmin = true }), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldBe("Granted 100 credits to bob. Their balance is now 150.");
        await _ledger.Received(1).GrantAsync(new AccountKey("test", "t1", "bob"), 100, Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Dispatch_RerollButton_RepeatsSourceWithNewSeed()
    {
        var source = _engine.Job("src", "bob") with
        {
            State = JobState.Succeeded,
            Spec = _engine.Job("src", "bob").Spec with { Options = new CommandOptions { Prompt = "a red fox", Seed = 7, AspectRatio = "16:9" } },
        };
        _engine.Store.GetAsync("src", Arg.Any<CancellationToken>()).Returns(source);
        var request = ChatBot.Core.Commands.ButtonCommands.ToRequest(ChatBot.Core.Replies.ButtonAction.Reroll, "src", null, _alice, new Conversation("c1"), new ReplyHandle("test", "r2"));

        var outcome = await CreateSut().DispatchAsync(request, default);

        outcome.ShouldBeOfType<CommandOutcome.Accepted>();
        await _engine.Store.Received(1).CreateAsync(
            Arg.Is<NewJob>(j => j.Account.UserId == "alice" && j.Spec.Options.Prompt == "a red fox" && j.Spec.Options.Seed == null && j.Spec.Options.AspectRatio == "16:9" && j.Spec.SourceJobId == "src"),
            Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(JobState.Delivering, true)]
    [InlineData(JobState.Succeeded, true)]
    [InlineData(JobState.Running, false)]
    public async Task Dispatch_UpscaleButton_WorksOnceOutputsAreStored(JobState state, bool accepted)
    {
        // The result is posted while the job is still Delivering: a quick press must not be refused.
        var source = _engine.Job("src", "bob") with { State = state, OutputKeys = state == JobState.Running ? [] : ["k"] };
        _engine.Store.GetAsync("src", Arg.Any<CancellationToken>()).Returns(source);
        var request = ChatBot.Core.Commands.ButtonCommands.ToRequest(ChatBot.Core.Replies.ButtonAction.Upscale, "src", 0, _alice, new Conversation("c1"), new ReplyHandle("test", "r2"));

        var outcome = await CreateSut().DispatchAsync(request, default);

        (outcome is CommandOutcome.Accepted).ShouldBe(accepted, (outcome as CommandOutcome.Refused)?.Message);
    }

    [Fact]
    public async Task Dispatch_ButtonOnOtherTenantsJob_IsRefused()
    {
        var foreign = _engine.Job("src", "bob") with { Account = new AccountKey("test", "other-guild", "bob"), State = JobState.Succeeded, OutputKeys = ["k"] };
        _engine.Store.GetAsync("src", Arg.Any<CancellationToken>()).Returns(foreign);
        var request = ChatBot.Core.Commands.ButtonCommands.ToRequest(ChatBot.Core.Replies.ButtonAction.Upscale, "src", 0, _alice, new Conversation("c1"), new ReplyHandle("test", "r2"));

        var outcome = await CreateSut().DispatchAsync(request, default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>();
    }

    [Fact]
    public async Task Dispatch_SaveToGalleryWhenTenantHasItOff_IsRefusedAndFree()
    {
        var job = _engine.Job("src", "alice") with { State = JobState.Succeeded, OutputKeys = ["k"] };
        _engine.Store.GetAsync("src", Arg.Any<CancellationToken>()).Returns(job);
        var request = ChatBot.Core.Commands.ButtonCommands.ToRequest(ChatBot.Core.Replies.ButtonAction.SaveToGallery, "src", 0, _alice, new Conversation("c1"), new ReplyHandle("test", "r2"));

        var outcome = await CreateSut().DispatchAsync(request, default);

        request.Kind.ShouldBe(CommandKind.SaveToGallery);
        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("/settings gallery on");
        await _engine.Store.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
    }

    [Fact]
    public async Task Dispatch_SaveToGalleryOnProviderWithoutGallery_IsRefused()
    {
        _tenants.GetAsync(default, default).ReturnsForAnyArgs(new TenantSettings { GalleryEnabled = true });
        var job = _engine.Job("src", "alice") with { State = JobState.Succeeded, OutputKeys = ["k"] };
        _engine.Store.GetAsync("src", Arg.Any<CancellationToken>()).Returns(job);
        var request = ChatBot.Core.Commands.ButtonCommands.ToRequest(ChatBot.Core.Replies.ButtonAction.SaveToGallery, "src", 0, _alice, new Conversation("c1"), new ReplyHandle("test", "r2"));

        var outcome = await CreateSut().DispatchAsync(request, default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("has no gallery");
    }

    [Fact]
    public async Task Dispatch_SaveToGallery_HandsTheResultsLinkToTheProviderAndChargesNothing()
    {
        var gallery = new GalleryProvider("p");
        var (request, link) = ArrangeGallerySave();

        var outcome = await CreateSut(router: new ChatBot.Core.Providers.ProviderRouter(_engine.Catalog, [gallery])).DispatchAsync(request, default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldBe("Saved to your Provider p gallery.");
        var saved = gallery.Saved.ShouldHaveSingleItem();
        saved.MediaUrl.ShouldBe(link);
        saved.Kind.ShouldBe(MediaKind.Image);
        saved.Prompt.ShouldBe("prompt of src");
        await _engine.Store.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
        await _ledger.DidNotReceiveWithAnyArgs().GrantAsync(default, default, default!, default);
    }

    [Fact]
    public async Task Dispatch_SaveToGalleryRefusedByProvider_IsRefusedWithItsMessage()
    {
        var gallery = new GalleryProvider("p") { Error = new ChatBot.Core.Providers.ProviderException("gallery_full", "Your gallery is full.") };
        var (request, _) = ArrangeGallerySave();

        var outcome = await CreateSut(router: new ChatBot.Core.Providers.ProviderRouter(_engine.Catalog, [gallery])).DispatchAsync(request, default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("Your gallery is full.");
    }

    [Fact]
    public async Task Dispatch_WhileStopping_IsRefusedWithoutAnyHandler()
    {
        var sut = CreateSut();
        await _engine.Scheduler.StopAsync(default);

        var outcome = await sut.DispatchAsync(Request("/credits"), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldBe("The bot is restarting. Please try again in a minute.");
        await _ledger.DidNotReceiveWithAnyArgs().GetBalanceAsync(default, default);
    }

    [Fact]
    public void Constructor_KindWithoutHandler_Throws()
    {
        Should.Throw<InvalidOperationException>(() => new CommandDispatcher([new HelpCommandHandler(_engine.Catalog)], _engine.Scheduler, storage: _engine.Unwritten))
            .Message.ShouldStartWith("No command handler answers Imagine, ");
    }

    [Fact]
    public void Constructor_TwoHandlersForOneKind_Throws()
    {
        Should.Throw<InvalidOperationException>(() => new CommandDispatcher([new HelpCommandHandler(_engine.Catalog), new HelpCommandHandler(_engine.Catalog)], _engine.Scheduler, storage: _engine.Unwritten))
            .Message.ShouldBe("Two command handlers answer Help: HelpCommandHandler and HelpCommandHandler.");
    }

    private (CommandRequest Request, Uri Link) ArrangeGallerySave()
    {
        var link = new Uri("https://media.example.test/out.png");
        _tenants.GetAsync(default, default).ReturnsForAnyArgs(new TenantSettings { GalleryEnabled = true });
        _engine.Store.GetAsync("src", Arg.Any<CancellationToken>()).Returns(_engine.Job("src", "alice") with { State = JobState.Succeeded, OutputKeys = ["out"] });
        _engine.Media.Configure().GetAsync("out", Arg.Any<CancellationToken>()).Returns(new StoredMedia("out", "image/png", "out.png", 1) { SourceUrl = link });
        var request = ChatBot.Core.Commands.ButtonCommands.ToRequest(ChatBot.Core.Replies.ButtonAction.SaveToGallery, "src", 0, _alice, new Conversation("c1"), new ReplyHandle("test", "r2"));
        return (request, link);
    }

    private CommandRequest Request(string line, Actor? actor = null)
    {
        var parsed = CommandText.Parse(line);
        parsed.Error.ShouldBeNull();
        return new CommandRequest(parsed.Kind!.Value, actor ?? _alice, new Conversation("c1"), parsed.Options, [], new ReplyHandle("test", Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task Dispatch_StoreCannotWriteAnEnding_RefusesEveryCommandUntilItIsWritten()
    {
        var stuck = _engine.Job("stuck", "bob");
        _engine.Unwritten.Add(stuck, JobState.Failed, "Boom.", "internal error");

        var refused = await CreateSut().DispatchAsync(Request("/imagine a fox"), default);
        _engine.Unwritten.Written("stuck");
        var accepted = await CreateSut().DispatchAsync(Request("/imagine a fox"), default);

        refused.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldBe(CommandDispatcher.StorageFull);
        accepted.ShouldBeOfType<CommandOutcome.Accepted>((accepted as CommandOutcome.Refused)?.Message);
    }

    private ICommandDispatcher CreateSut(ValidationOptions? validation = null, ChatBot.Core.Providers.ProviderRouter? router = null) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_engine.Time)
            .AddSingleton(_engine.Catalog)
            .AddSingleton(router ?? _engine.Router)
            .AddSingleton(_engine.Store)
            .AddSingleton(_ledger)
            .AddSingleton(_tenants)
            .AddSingleton(Substitute.For<ChatBot.Core.Usage.IUsageStore>())
            .AddSingleton(new MediaIntake(_engine.Media, [], Options.Create(new MediaOptions())))
            .AddSingleton(_engine.Media)
            .AddSingleton(_engine.Scheduler)
            .AddSingleton(_engine.Ender)
            .AddSingleton(_engine.Updater)
            .AddSingleton(_engine.Views)
            .AddSingleton<IStorageWriteHealth>(_engine.Unwritten)
            .AddSingleton(Options.Create(validation ?? new ValidationOptions()))
            .AddSingleton(Options.Create(new SchedulerOptions { MaxQueuedPerUser = 2 }))
            .AddCommandHandlers()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true })
            .GetRequiredService<ICommandDispatcher>();

    private sealed class GalleryProvider(string name) : ChatBot.Core.Providers.IMediaProvider, ChatBot.Core.Providers.IGalleryProvider
    {
        public string Name => name;
        public bool IsAvailable => true;
        public bool ResubmitIsSafe => false;
        public Exception? Error { get; init; }
        public List<ChatBot.Core.Providers.GallerySaveRequest> Saved { get; } = [];

        public Task<ChatBot.Core.Providers.Submission> SubmitAsync(ChatBot.Core.Providers.MediaRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<ChatBot.Core.Providers.ProviderUpdate> TrackAsync(ChatBot.Core.Providers.MediaRequest request, ChatBot.Core.Providers.Submission submission, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SaveToGalleryAsync(ChatBot.Core.Providers.GallerySaveRequest request, CancellationToken cancellationToken)
        {
            if (Error is not null)
            {
                throw Error;
            }

            Saved.Add(request);
            return Task.CompletedTask;
        }
    }
}
