using ChatBot.Core.Catalog;
using ChatBot.Core.Commands.Handlers;
using ChatBot.Core.Media;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Commands.Handlers;

public sealed class JobInputIntakeTests
{
    private readonly EngineFixture _engine = new();

    [Fact]
    public async Task Ingest_ReferenceImage_StoresACheckedCopyWithItsRole()
    {
        var (inputs, refusal) = await CreateSut().IngestAsync("test", MediaOperation.Edit, [MediaRef.FromStore("in1", "a.png", MediaRole.Reference)], default);

        refusal.ShouldBeNull();
        var input = inputs.ShouldNotBeNull().ShouldHaveSingleItem();
        input.Role.ShouldBe(MediaRole.Reference);
        input.MediaKey.ShouldNotBe("in1"); // stored again once its bytes are checked
    }

    [Fact]
    public async Task Ingest_VideoBackgroundRemovalGivenAnImage_AsksForTheVideo()
    {
        var (inputs, refusal) = await CreateSut().IngestAsync("test", MediaOperation.VideoRemoveBackground, [MediaRef.FromStore("in1", "a.png")], default);

        inputs.ShouldBeNull();
        refusal.ShouldBe("Attach the video (MP4 or WebM) to remove its background.");
    }

    [Fact]
    public async Task Ingest_InputAlreadyInTheStore_IsCheckedAndKeptOnceUnderItsKey()
    {
        var stored = await _engine.Media.SaveAsync(new MemoryStream(), "image/png", "a.png", 1, 1, null, default);
        _engine.Media.ClearReceivedCalls();

        var (inputs, refusal) = await CreateSut().IngestAsync("test", MediaOperation.Edit, [MediaRef.FromStore(stored.Key, "a.png", MediaRole.Reference)], default);

        refusal.ShouldBeNull();
        inputs.ShouldNotBeNull().ShouldHaveSingleItem().MediaKey.ShouldBe(stored.Key);
        await _engine.Media.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default!, default, default, default(Uri), default);
    }

    [Fact]
    public async Task Ingest_StoredInputGone_SaysThePictureHasExpired()
    {
        _engine.Media.OpenReadAsync("gone", Arg.Any<CancellationToken>()).Returns((Stream?)null);

        var (inputs, refusal) = await CreateSut().IngestAsync("test", MediaOperation.Upscale, [MediaRef.FromStore("gone", "result-1")], default);

        inputs.ShouldBeNull();
        refusal.ShouldBe(MediaIntake.Expired);
    }

    private JobInputIntake CreateSut() => new(new MediaIntake(_engine.Media, [], Options.Create(new MediaOptions())));
}
