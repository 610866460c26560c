using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using ChatBot.Storage.Media;
using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Media;

public sealed class FileMediaStoreTests : IDisposable
{
    private readonly StorageFixture _fixture = new(maxMediaBytes: 1_048_576);
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task SaveAsync_ThenReadBack_RoundTripsBytesAndMetadata()
    {
        var sut = CreateSut();
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();

        var saved = await sut.SaveAsync(new MemoryStream(bytes), "image/png", "fox.png", 640, 480, _ct);

        saved.Key.ShouldMatch("^[0-9a-f]{24}\\.png$");
        saved.ShouldBe(new StoredMedia(saved.Key, "image/png", "fox.png", bytes.Length, 640, 480));
        saved.Kind.ShouldBe(MediaKind.Image);
        (await sut.GetAsync(saved.Key, _ct)).ShouldBe(saved);
        await using var stream = (await sut.OpenReadAsync(saved.Key, _ct)).ShouldNotBeNull();
        stream.ShouldBeOfType<FileStream>().IsAsync.ShouldBeTrue();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, _ct);
        copy.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public async Task SaveAsync_WithSourceUrl_KeepsTheLinkAcrossRestarts()
    {
        var link = new Uri("https://media.aetherwavestudio.com/images/a.png");
        var saved = await CreateSut().SaveAsync(new MemoryStream([1, 2, 3]), "image/png", "a.png", 1, 1, link, _ct);

        var restarted = new FileMediaStore(_fixture.OpenDatabase(), _fixture.Time, Microsoft.Extensions.Options.Options.Create(_fixture.Options), Microsoft.Extensions.Logging.Abstractions.NullLogger<FileMediaStore>.Instance);

        saved.SourceUrl.ShouldBe(link);
        (await restarted.GetAsync(saved.Key, _ct))!.SourceUrl.ShouldBe(link);
    }

    [Fact]
    public async Task SaveAsync_WithoutSourceUrl_ReadsBackNoLink()
    {
        var sut = CreateSut();
        var saved = await sut.SaveAsync(new MemoryStream([1, 2, 3]), "image/png", "a.png", 1, 1, _ct);

        (await sut.GetAsync(saved.Key, _ct))!.SourceUrl.ShouldBeNull();
    }

    [Fact]
    public async Task SaveAsync_AfterRestart_StillFindsTheFile()
    {
        var saved = await CreateSut().SaveAsync(new MemoryStream([1, 2, 3]), "video/mp4", "clip.mp4", null, null, _ct);

        var restarted = new FileMediaStore(_fixture.OpenDatabase(), _fixture.Time, Microsoft.Extensions.Options.Options.Create(_fixture.Options), Microsoft.Extensions.Logging.Abstractions.NullLogger<FileMediaStore>.Instance);

        (await restarted.GetAsync(saved.Key, _ct)).ShouldBe(saved);
        (await restarted.GetAsync(saved.Key, _ct))!.Kind.ShouldBe(MediaKind.Video);
        (await restarted.OpenReadAsync(saved.Key, _ct)).ShouldNotBeNull().Dispose();
    }

    [Fact]
    public async Task SaveAsync_UnknownTypeWithOddName_UsesSafeExtensionAndBareName()
    {
        var saved = await CreateSut().SaveAsync(new MemoryStream([1]), "application/octet-stream", "../../etc/pass wd.t x t", null, null, _ct);

        saved.Key.ShouldMatch("^[0-9a-f]{24}\\.bin$");
        saved.FileName.ShouldBe("pass wd.t x t");
    }

    [Fact]
    public async Task SaveAsync_TwoFiles_GetDistinctKeys()
    {
        var sut = CreateSut();

        var first = await sut.SaveAsync(new MemoryStream([1]), "image/jpeg", "a.jpg", null, null, _ct);
        var second = await sut.SaveAsync(new MemoryStream([1]), "image/jpeg", "a.jpg", null, null, _ct);

        first.Key.ShouldNotBe(second.Key);
        first.Key.ShouldEndWith(".jpg");
    }

    [Fact]
    public async Task SaveAsync_LargerThanLimit_RefusesAndLeavesNoFile()
    {
        var sut = CreateSut();

        var error = await Should.ThrowAsync<MediaRejectedException>(() =>
            sut.SaveAsync(new MemoryStream(new byte[1_048_577]), "image/png", "big.png", null, null, _ct));

        error.Message.ShouldContain("1 MB");
        Directory.EnumerateFiles(_fixture.Options.MediaPath, "*", SearchOption.AllDirectories).ShouldBeEmpty();
        _fixture.Scalar("SELECT COUNT(*) FROM media").ShouldBe(0);
    }

    [Theory]
    [InlineData("unknown0000000000000000.png")]
    [InlineData("0123456789abcdef01234567.png")]
    [InlineData("../chatbot.db")]
    [InlineData("")]
    public async Task OpenReadAsync_UnknownOrMalformedKey_ReturnsNull(string key)
    {
        var sut = CreateSut();

        (await sut.OpenReadAsync(key, _ct)).ShouldBeNull();
        (await sut.GetAsync(key, _ct)).ShouldBeNull();
    }

    [Fact]
    public async Task DeleteTemporaryFiles_PartialFileFromCrash_IsRemoved()
    {
        var sut = CreateSut();
        var temp = Path.Combine(sut.RootPath, ".tmp");
        Directory.CreateDirectory(temp);
        await File.WriteAllBytesAsync(Path.Combine(temp, "abc.part"), [1, 2], _ct);

        sut.DeleteTemporaryFiles();

        Directory.EnumerateFiles(temp).ShouldBeEmpty();
    }

    private FileMediaStore CreateSut() => _fixture.CreateMediaStore();
}
