using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using ChatBot.Storage.Media;
using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Media;

public sealed class FileMediaStoreTests() : StorageTest(maxMediaBytes: 1_048_576)
{
    [Fact]
    public async Task SaveAsync_ThenReadBack_RoundTripsBytesAndMetadata()
    {
        var sut = CreateSut();
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();

        var saved = await sut.SaveAsync(new MemoryStream(bytes), "image/png", "fox.png", 640, 480, Ct);

        saved.Key.ShouldMatch("^[0-9a-f]{24}\\.png$");
        saved.ShouldBe(new StoredMedia(saved.Key, "image/png", "fox.png", bytes.Length, 640, 480));
        saved.Kind.ShouldBe(MediaKind.Image);
        (await sut.GetAsync(saved.Key, Ct)).ShouldBe(saved);
        await using var stream = (await sut.OpenReadAsync(saved.Key, Ct)).ShouldNotBeNull();
        stream.ShouldBeOfType<FileStream>().IsAsync.ShouldBeTrue();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        copy.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public async Task SaveAsync_NewFile_FileAndFoldersAreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var sut = CreateSut();

        var saved = await sut.SaveAsync(new MemoryStream([1, 2, 3]), "image/png", "fox.png", 1, 1, Ct);

        var file = Directory.GetFiles(Fixture.Options.MediaPath, "*", SearchOption.AllDirectories).ShouldHaveSingleItem();
        file.ShouldEndWith(saved.Key);
        File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        foreach (var folder in Directory.GetDirectories(Fixture.Options.MediaPath, "*", SearchOption.AllDirectories).Append(Fixture.Options.MediaPath))
        {
            File.GetUnixFileMode(folder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, folder);
        }
    }

    [Fact]
    public async Task SaveAsync_WithSourceUrl_KeepsTheLinkAcrossRestarts()
    {
        var link = new Uri("https://media.aetherwavestudio.com/images/a.png");
        var saved = await CreateSut().SaveAsync(new MemoryStream([1, 2, 3]), "image/png", "a.png", 1, 1, link, Ct);

        var restarted = Fixture.CreateMediaStore(Fixture.OpenDatabase());

        saved.SourceUrl.ShouldBe(link);
        (await restarted.GetAsync(saved.Key, Ct))!.SourceUrl.ShouldBe(link);
    }

    [Fact]
    public async Task SaveAsync_WithoutSourceUrl_ReadsBackNoLink()
    {
        var sut = CreateSut();
        var saved = await sut.SaveAsync(new MemoryStream([1, 2, 3]), "image/png", "a.png", 1, 1, Ct);

        (await sut.GetAsync(saved.Key, Ct))!.SourceUrl.ShouldBeNull();
    }

    [Fact]
    public async Task SaveAsync_AfterRestart_StillFindsTheFile()
    {
        var saved = await CreateSut().SaveAsync(new MemoryStream([1, 2, 3]), "video/mp4", "clip.mp4", null, null, Ct);

        var restarted = Fixture.CreateMediaStore(Fixture.OpenDatabase());

        (await restarted.GetAsync(saved.Key, Ct)).ShouldBe(saved);
        (await restarted.GetAsync(saved.Key, Ct))!.Kind.ShouldBe(MediaKind.Video);
        (await restarted.OpenReadAsync(saved.Key, Ct)).ShouldNotBeNull().Dispose();
    }

    [Fact]
    public async Task SaveAsync_UnknownTypeWithOddName_UsesSafeExtensionAndBareName()
    {
        var saved = await CreateSut().SaveAsync(new MemoryStream([1]), "application/octet-stream", "../../etc/pass wd.t x t", null, null, Ct);

        saved.Key.ShouldMatch("^[0-9a-f]{24}\\.bin$");
        saved.FileName.ShouldBe("pass wd.t x t");
    }

    [Fact]
    public async Task SaveAsync_TwoFiles_GetDistinctKeys()
    {
        var sut = CreateSut();

        var first = await sut.SaveAsync(new MemoryStream([1]), "image/jpeg", "a.jpg", null, null, Ct);
        var second = await sut.SaveAsync(new MemoryStream([1]), "image/jpeg", "a.jpg", null, null, Ct);

        first.Key.ShouldNotBe(second.Key);
        first.Key.ShouldEndWith(".jpg");
    }

    [Fact]
    public async Task SaveAsync_LargerThanLimit_RefusesAndLeavesNoFile()
    {
        var sut = CreateSut();

        var error = await Should.ThrowAsync<MediaRejectedException>(() =>
            sut.SaveAsync(new MemoryStream(new byte[1_048_577]), "image/png", "big.png", null, null, Ct));

        error.Message.ShouldContain("1 MB");
        Directory.EnumerateFiles(Fixture.Options.MediaPath, "*", SearchOption.AllDirectories).ShouldBeEmpty();
        Fixture.Scalar("SELECT COUNT(*) FROM media").ShouldBe(0);
    }

    [Theory]
    [InlineData("unknown0000000000000000.png")]
    [InlineData("0123456789abcdef01234567.png")]
    [InlineData("../chatbot.db")]
    [InlineData("")]
    public async Task OpenReadAsync_UnknownOrMalformedKey_ReturnsNull(string key)
    {
        var sut = CreateSut();

        (await sut.OpenReadAsync(key, Ct)).ShouldBeNull();
        (await sut.GetAsync(key, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task DeleteTemporaryFiles_PartialFileFromCrash_IsRemoved()
    {
        var sut = CreateSut();
        var temp = Path.Combine(sut.RootPath, ".tmp");
        Directory.CreateDirectory(temp);
        await File.WriteAllBytesAsync(Path.Combine(temp, "abc.part"), [1, 2], Ct);

        sut.DeleteTemporaryFiles();

        Directory.EnumerateFiles(temp).ShouldBeEmpty();
    }

    private FileMediaStore CreateSut() => Fixture.CreateMediaStore();
}
