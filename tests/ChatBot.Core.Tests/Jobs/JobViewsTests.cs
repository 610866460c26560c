using ChatBot.Core.Catalog;
using ChatBot.Core.Jobs;
using ChatBot.Core.Media;
using ChatBot.Core.Providers;
using ChatBot.Core.Replies;
using ChatBot.Core.Tenants;
using ChatBot.Core.Tests.Support;

namespace ChatBot.Core.Tests.Jobs;

public sealed class JobViewsTests
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

        JobViews.OffersGallery(new TenantSettings { GalleryEnabled = enabled }, provider).ShouldBe(expected);
    }

    [Fact]
    public void OffersGallery_UnknownProvider_IsFalse() =>
        JobViews.OffersGallery(new TenantSettings { GalleryEnabled = true }, null).ShouldBeFalse();

    [Fact]
    public void ResultButtons_GalleryOffered_AddsSaveButtonForTheLinkedOutput()
    {
        StoredMedia[] outputs = [new("k1", "image/png", "a.png", 1) { SourceUrl = Link }];

        var save = JobViews.ResultButtons("job1", outputs, Catalog, offerGallery: true).Where(b => b.Action == ButtonAction.SaveToGallery).ToList();

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

        JobViews.ResultButtons("job1", outputs, Catalog).ShouldNotContain(b => b.Action == ButtonAction.SaveToGallery);
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

        var save = JobViews.ResultButtons("job1", outputs, Catalog, offerGallery: true).Where(b => b.Action == ButtonAction.SaveToGallery).ToList();

        save.Select(b => b.Label).ShouldBe(["Save 1", "Save 3"]);
        save.Select(b => b.OutputIndex).ShouldBe([0, 2]);
    }

    private sealed class GalleryProvider : IMediaProvider, IGalleryProvider
    {
        public string Name => "g";
        public bool IsAvailable => true;
        public bool ResubmitIsSafe => false;

        public Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SaveToGalleryAsync(GallerySaveRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Theory]
    [InlineData(42, "42s")]
    [InlineData(125, "2m 05s")]
    [InlineData(76_210, "21h 10m")]
    public void Duration_ReadsLikeAPerson(int seconds, string expected) =>
        JobViews.Duration(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
}
