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

    private JobInputIntake CreateSut() => new(new MediaIntake(_engine.Media, [], Options.Create(new MediaOptions())));
}
