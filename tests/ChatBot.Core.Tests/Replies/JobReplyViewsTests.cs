using ChatBot.Core.Catalog;
using ChatBot.Core.Media;
using ChatBot.Core.Providers;
using ChatBot.Core.Replies;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Tests.Replies;

public sealed class JobReplyViewsTests
{
    private static readonly ModelCatalog Catalog = new EngineFixture().Catalog;
    private static readonly Uri Link = new("https://media.example.test/a.png");

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, false)]
    public void OffersGallery_TenantSettingAndProvider_OnlyWhenBothAllow(bool enabled, bool providerKeepsGalleries, bool expected)
    {
        IMediaProvider provider = providerKeepsGalleries ? new GalleryProvider() : new EngineFixture.GatedProvider("p");

        JobReplyViews.OffersGallery(new TenantSettings { GalleryEnabled = enabled }, provider).ShouldBe(expected);
    }

    [Fact]
    public void OffersGallery_UnknownProvider_IsFalse() =>
        JobReplyViews.OffersGallery(new TenantSettings { GalleryEnabled = true }, null).ShouldBeFalse();

    [Fact]
    public void ResultButtons_GalleryOffered_AddsSaveButtonForTheLinkedOutput()
    {
        StoredMedia[] outputs = [new("k1", "image/png", "a.png", 1) { SourceUrl = Link }];

        var save = JobReplyViews.ResultButtons("job1", outputs, Catalog, offerGallery: true).Where(b => b.Action == ButtonAction.SaveToGallery).ToList();

        save.Count.ShouldBe(1);
        save[0].Label.ShouldBe("Save to gallery");
        save[0].OutputIndex.ShouldBe(0);
        ButtonId.TryDecode(save[0].Id, out var action, out var jobId, out var index).ShouldBeTrue();
        (action, jobId, index).ShouldBe((ButtonAction.SaveToGallery, "job1", (int?)0));
    }

    [Fact]
    public void ResultButtons_GalleryNotOffered_HasNoSaveButton()
    {
        StoredMedia[] outputs = [new("k1", "image/png", "a.png", 1) { SourceUrl = Link }];

        JobReplyViews.ResultButtons("job1", outputs, Catalog).ShouldNotContain(b => b.Action == ButtonAction.SaveToGallery);
    }

    [Fact]
    public void ResultButtons_SeveralOutputs_NumbersSaveButtonsAndSkipsUnlinkedOnes()
    {
        StoredMedia[] outputs =
        [
            new("k1", "image/png", "a.png", 1) { SourceUrl = Link },
            new("k2", "image/png", "b.png", 1),
            new("k3", "image/png", "c.png", 1) { SourceUrl = Link },
        ];

        var save = JobReplyViews.ResultButtons("job1", outputs, Catalog, offerGallery: true).Where(b => b.Action == ButtonAction.SaveToGallery).ToList();

        save.Select(b => b.Label).ShouldBe(["Save 1", "Save 3"]);
        save.Select(b => b.OutputIndex).ShouldBe([0, 2]);
    }

    [Fact]
    public void Queued_WithNote_ShowsPlaceAndNoteUnderTheStatus()
    {
        var engine = new EngineFixture();

        var view = CreateSut(engine).Queued(engine.Job("j1", "alice"), 3, 5, "Model a is busy, so model b runs it.");

        view.Status.ShouldBe(ReplyStatus.Queued);
        view.StatusText.ShouldBe("Queued — 3rd in line (5 waiting) · 2 credits reserved\nModel a is busy, so model b runs it.");
        view.Cost.ShouldBe(new ReplyCost(2, ReplyCostState.Reserved));
        (view.QueuePosition, view.QueueLength).ShouldBe((3, 5));
        view.Buttons.ShouldHaveSingleItem().Action.ShouldBe(ButtonAction.Cancel);
    }

    [Fact]
    public void Starting_NobodyWaiting_IsRunningWithoutAPlace()
    {
        var engine = new EngineFixture();

        var view = CreateSut(engine).Starting(engine.Job("j1", "alice"), 0);

        view.Status.ShouldBe(ReplyStatus.Running);
        view.StatusText.ShouldBe("Starting… · 2 credits reserved");
        view.QueuePosition.ShouldBeNull();
        view.QueueLength.ShouldBe(1);
    }

    [Fact]
    public void Ended_Cancelled_SaysNothingWasCharged()
    {
        var engine = new EngineFixture();

        var view = CreateSut(engine).Ended(engine.Job("j1", "alice"), JobState.Cancelled, "Cancelled.");

        view.Status.ShouldBe(ReplyStatus.Cancelled);
        view.StatusText.ShouldBe("Cancelled. No credits were charged.");
        view.IsFinal.ShouldBeTrue();
    }

    [Fact]
    public void Views_OneAfterAnother_HaveGrowingRevisions()
    {
        var engine = new EngineFixture();
        var sut = CreateSut(engine);
        var job = engine.Job("j1", "alice");

        var first = sut.Queued(job, 1, 1);
        var second = sut.Running(job, engine.Catalog.Models[0], "Working…", null, null, null);
        var third = sut.Ended(job, JobState.Failed, "Boom.");

        second.Revision.ShouldBeGreaterThan(first.Revision);
        third.Revision.ShouldBeGreaterThan(second.Revision);
    }

    [Fact]
    public void Result_WithSeedAndNote_DetailsNameModelSeedCostAndNote()
    {
        var engine = new EngineFixture();
        var job = engine.Job("j1", "alice") with { Spec = engine.Job("j1", "alice").Spec with { Options = new() { Prompt = "a fox", Seed = 7 } } };
        ReplyFile[] files = [new(new StoredMedia("k1", "image/png", "a.png", 1), _ => Task.FromResult<Stream>(new MemoryStream()))];

        var result = CreateSut(engine).Result(job, files, 1, offerGallery: false, "Provider a could not take the job.");

        result.Details.ShouldBe("Seed 7\nProvider a could not take the job.");
        result.Footer.ShouldBe("m-p · Provider p · 1 credit · 0s");
        result.CreditsCharged.ShouldBe(1);
        result.Buttons.Select(b => b.Action).ShouldContain(ButtonAction.Upscale);
    }

    [Fact]
    public void Result_RoutedElsewhere_KeepsTheRoutingNoteOnTheFinalResult()
    {
        var engine = new EngineFixture();
        var job = engine.Job("j1", "alice");
        job = job with { Spec = job.Spec with { RouteNote = "Provider x is unavailable right now, so Provider p runs this with `m-p`." } };

        var result = CreateSut(engine).Result(job, [], 1, offerGallery: false, note: "2×2 → 4×4");

        result.Details.ShouldBe("Provider x is unavailable right now, so Provider p runs this with `m-p`.\n2×2 → 4×4");
    }

    [Fact]
    public void Queued_LaterPlaceInLine_StillShowsTheRoutingNote()
    {
        var engine = new EngineFixture();
        var job = engine.Job("j1", "alice");
        job = job with { Spec = job.Spec with { RouteNote = "Provider x is unavailable right now." } };

        CreateSut(engine).Queued(job, 2, 3).StatusText.ShouldBe("Queued — 2nd in line (3 waiting) · 2 credits reserved\nProvider x is unavailable right now.");
    }

    [Fact]
    public void ResultButtons_NoConfiguredModelForAnOperation_OffersNothingThatCannotRun()
    {
        var catalog = new ModelCatalog(
        [
            new ModelDefinition { Id = "cutout", Provider = "off", Operations = [MediaOperation.RemoveBackground, MediaOperation.Upscale] },
            new ModelDefinition { Id = "reframe", Provider = "on", Operations = [MediaOperation.Edit], Limits = new ModelLimits { IgnoresPrompt = true } },
        ]);
        StoredMedia[] outputs = [new("k1", "image/png", "a.png", 1)];

        var buttons = JobReplyViews.ResultButtons("j1", outputs, catalog, canRun: m => m.Provider == "on");

        buttons.Select(b => b.Action).ShouldBe([ButtonAction.Reroll, ButtonAction.Info]);
    }

    private static JobReplyViews CreateSut(EngineFixture engine) => engine.Views;

    private sealed class GalleryProvider : IMediaProvider, IGalleryProvider
    {
        public string Name => "g";
        public bool IsAvailable => true;
        public bool ResubmitIsSafe => false;

        public Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SaveToGalleryAsync(GallerySaveRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
