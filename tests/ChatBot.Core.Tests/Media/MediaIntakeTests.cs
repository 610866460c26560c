using System.Buffers.Binary;
using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Media;

public sealed class MediaIntakeTests
{
    private readonly IMediaStore _store = Substitute.For<IMediaStore>();
    private readonly IPlatformMedia _platform = Substitute.For<IPlatformMedia>();

    public MediaIntakeTests()
    {
        _platform.Platform.Returns("test");
        _store.SaveAsync(default!, default!, default!, default, default, default(Uri), default).ReturnsForAnyArgs(async call =>
        {
            var copy = new MemoryStream();
            await call.ArgAt<Stream>(0).CopyToAsync(copy);
            return new StoredMedia("key", call.ArgAt<string>(1), call.ArgAt<string>(2), copy.Length, call.ArgAt<int?>(3), call.ArgAt<int?>(4));
        });
    }

    [Fact]
    public async Task Ingest_ValidPng_IsStoredWithSniffedTypeAndSize()
    {
        Serve(EngineFixture.TinyPng);

        var result = await CreateSut().IngestAsync("test", Ref("photo.jpg"), MediaKind.Image, default);

        var media = result.ShouldBeOfType<IntakeResult.Accepted>().Media;
        media.ContentType.ShouldBe("image/png");
        media.FileName.ShouldBe("photo.png");
        media.Length.ShouldBe(EngineFixture.TinyPng.Length);
    }

    [Fact]
    public async Task Ingest_DeclaredTooLarge_IsRefusedWithoutDownloading()
    {
        var result = await CreateSut(maxBytes: 1024 * 1024).IngestAsync("test", Ref("big.png") with { DeclaredSize = 30L * 1024 * 1024 }, MediaKind.Image, default);

        result.ShouldBeOfType<IntakeResult.Rejected>().Message.ShouldBe("`big.png` is 30 MB; the limit is 1 MB.");
        await _platform.DidNotReceiveWithAnyArgs().OpenAsync(default!, default);
    }

    [Fact]
    public async Task Ingest_ActualBytesOverCap_IsRefusedAndNothingStored()
    {
        var big = new byte[3 * 1024 * 1024];
        EngineFixture.TinyPng.CopyTo(big, 0);
        Serve(big);

        var result = await CreateSut(maxBytes: 1024 * 1024).IngestAsync("test", Ref("lies.png"), MediaKind.Image, default);

        result.ShouldBeOfType<IntakeResult.Rejected>().Message.ShouldContain("1 MB");
    }

    [Fact]
    public async Task Ingest_TextFileNamedPng_IsRefusedAsNotAnImage()
    {
        Serve("just some text, honestly"u8.ToArray());

        var result = await CreateSut().IngestAsync("test", Ref("cat.png"), MediaKind.Image, default);

        result.ShouldBeOfType<IntakeResult.Rejected>().Message.ShouldBe("`cat.png` is not an image (PNG, JPEG, WebP or GIF).");
        await _store.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default!, default, default, default(Uri), default);
    }

    [Fact]
    public async Task Ingest_DecompressionBomb_IsRefusedByPixelCount()
    {
        var png = (byte[])EngineFixture.TinyPng.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 50_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 50_000);
        Serve(png);

        var result = await CreateSut().IngestAsync("test", Ref("bomb.png"), MediaKind.Image, default);

        result.ShouldBeOfType<IntakeResult.Rejected>().Message.ShouldBe("`bomb.png` is 50000×50000 (2500 megapixels); the limit is 40 megapixels.");
    }

    [Fact]
    public async Task Ingest_HostOutsideAllowlist_RefusalMessagePassesThrough()
    {
        _platform.OpenAsync(default!, default).ReturnsForAnyArgs<Stream>(_ => throw new MediaRejectedException("I only read files from Discord's own servers."));

        var result = await CreateSut().IngestAsync("test", Ref("x.png"), MediaKind.Image, default);

        result.ShouldBeOfType<IntakeResult.Rejected>().Message.ShouldBe("I only read files from Discord's own servers.");
    }

    private void Serve(byte[] bytes) => _platform.OpenAsync(default!, default).ReturnsForAnyArgs(_ => new MemoryStream(bytes));

    private static MediaRef Ref(string name) => new($"https://files.example/{name}", name);

    private MediaIntake CreateSut(long maxBytes = 25L * 1024 * 1024) =>
        new(_store, [_platform], Options.Create(new MediaOptions { MaxInputBytes = maxBytes }));
}
