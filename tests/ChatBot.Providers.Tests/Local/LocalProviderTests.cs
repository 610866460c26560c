using ChatBot.Providers.Local;
using ChatBot.Providers.Local.Imaging;
using ChatBot.Providers.Local.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Providers.Tests.Local;

public sealed class LocalProviderTests
{
    private const string MissingFfmpeg = "/nonexistent/ffmpeg-for-tests";

    // Most tests render small pictures to stay fast; the size tests use the real default.
    private const long SmallPixels = 192 * 192;
    private static readonly Action<LocalProviderOptions> DefaultSize = o => o.ImagePixels = new LocalProviderOptions().ImagePixels;

    [Fact]
    public void Properties_DescribeAnOfflineProvider()
    {
        var sut = CreateSut();

        sut.Name.ShouldBe("local");
        sut.IsAvailable.ShouldBeTrue();
        sut.ResubmitIsSafe.ShouldBeTrue();
    }

    [Fact]
    public async Task SubmitAsync_Imagine_ReturnsFreshRemoteIdWithoutResult()
    {
        var sut = CreateSut();
        var request = Request(MediaOperation.Imagine, new CommandOptions { Prompt = "a fox" });

        var first = await sut.SubmitAsync(request, CancellationToken.None);
        var second = await sut.SubmitAsync(request, CancellationToken.None);

        first.RemoteId.ShouldNotBeNullOrWhiteSpace();
        first.RemoteId.ShouldNotBe(second.RemoteId);
        first.ImmediateResult.ShouldBeNull();
    }

    [Fact]
    public async Task TrackAsync_SamePromptAndSeed_GivesIdenticalBytes()
    {
        var options = new CommandOptions { Prompt = "misty mountains at sunset", Seed = 42 };

        var first = await RunAsync(CreateSut(), Request(MediaOperation.Imagine, options, jobId: "job-a"));
        var second = await RunAsync(CreateSut(), Request(MediaOperation.Imagine, options, jobId: "job-b"));

        (await ReadAsync(Single(first))).ShouldBe(await ReadAsync(Single(second)));
    }

    [Fact]
    public async Task TrackAsync_DifferentSeed_GivesDifferentBytes()
    {
        var first = await RunAsync(CreateSut(), Request(MediaOperation.Imagine, new CommandOptions { Prompt = "neon orbs", Seed = 1 }));
        var second = await RunAsync(CreateSut(), Request(MediaOperation.Imagine, new CommandOptions { Prompt = "neon orbs", Seed = 2 }));

        (await ReadAsync(Single(first))).ShouldNotBe(await ReadAsync(Single(second)));
    }

    [Fact]
    public async Task TrackAsync_NoSeed_DerivesItFromTheJobId()
    {
        var options = new CommandOptions { Prompt = "ocean waves" };

        var first = await ReadAsync(Single(await RunAsync(CreateSut(), Request(MediaOperation.Imagine, options, jobId: "job-1"))));
        var again = await ReadAsync(Single(await RunAsync(CreateSut(), Request(MediaOperation.Imagine, options, jobId: "job-1"))));
        var other = await ReadAsync(Single(await RunAsync(CreateSut(), Request(MediaOperation.Imagine, options, jobId: "job-2"))));

        again.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public async Task TrackAsync_Imagine_ReportsRisingProgressWithPreviewsThenA1024Png()
    {
        var updates = await RunAsync(CreateSut(DefaultSize), Request(MediaOperation.Imagine, new CommandOptions { Prompt = "a lighthouse", Seed = 7 }));

        var running = updates.OfType<ProviderUpdate.Running>().ToList();
        running.Count.ShouldBe(ProceduralRenderer.PassCount);
        running.Select(r => r.Percent!.Value).ShouldBe(running.Select(r => r.Percent!.Value).Order());
        running.Select(r => r.Percent).Distinct().Count().ShouldBe(running.Count, "each pass moves the bar");
        running.ShouldAllBe(r => r.Percent > 0 && r.Percent < 100 && r.Message != null);
        foreach (var update in running)
        {
            var preview = MediaSniffer.Sniff(await ReadAsync(update.Preview.ShouldNotBeNull()));
            preview.ShouldNotBeNull();
            preview.ContentType.ShouldBe("image/png");
            preview.Width.ShouldBe(256);
        }

        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        var sniff = MediaSniffer.Sniff(await ReadAsync(Single(updates)));
        sniff.ShouldNotBeNull();
        (sniff.ContentType, sniff.Width, sniff.Height).ShouldBe(("image/png", 1024, 1024));
    }

    [Theory]
    [InlineData("16:9")]
    [InlineData("9:16")]
    [InlineData("4:3")]
    [InlineData("2:3")]
    [InlineData("21:9")]
    public async Task TrackAsync_AspectRatio_GivesAboutAMegapixelInThatShape(string aspect)
    {
        AspectRatio.TryParse(aspect, out var ratio).ShouldBeTrue();

        var updates = await RunAsync(CreateSut(DefaultSize), Request(MediaOperation.Imagine, new CommandOptions { Prompt = "fields", Seed = 3, AspectRatio = aspect }));

        var sniff = MediaSniffer.Sniff(await ReadAsync(Single(updates))).ShouldNotBeNull();
        var (width, height) = (sniff.Width!.Value, sniff.Height!.Value);
        (width % 8).ShouldBe(0);
        (height % 8).ShouldBe(0);
        ((double)width / height).ShouldBe(ratio, 0.02);
        ((double)width * height).ShouldBe(1024 * 1024, 1024 * 1024 * 0.05);
    }

    [Fact]
    public async Task TrackAsync_CountThree_GivesThreeDifferentImages()
    {
        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Imagine, new CommandOptions { Prompt = "bubbles", Seed = 10, Count = 3 }));

        var outputs = updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().Outputs;
        outputs.Count.ShouldBe(3);
        var files = await Task.WhenAll(outputs.Select(ReadAsync));
        files.Select(Convert.ToBase64String).Distinct().Count().ShouldBe(3);

        // Image i uses seed + i, so the second image is the one seed 11 alone would give.
        var alone = await RunAsync(CreateSut(), Request(MediaOperation.Imagine, new CommandOptions { Prompt = "bubbles", Seed = 11 }));
        files[1].ShouldBe(await ReadAsync(Single(alone)));
    }

    [Fact]
    public async Task TrackAsync_Vary_KeepsTheSizeAndResemblesTheInput()
    {
        var input = TestImages.Blocks(320, 240, block: 40);
        var png = ImageCodec.EncodePng(input);

        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Vary, new CommandOptions { Seed = 5 }, [TestImages.Input(png)]));

        var result = ImageCodec.Decode(await ReadAsync(Single(updates)), long.MaxValue);
        (result.Width, result.Height).ShouldBe((320, 240));
        var difference = MeanAbsoluteDifference(input, result);
        difference.ShouldBeGreaterThan(3, "a variation is not a copy");
        difference.ShouldBeLessThan(60, "a variation still looks like its source");
    }

    [Fact]
    public async Task SubmitAsync_VaryWithoutImage_ThrowsClearProviderException()
    {
        var error = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Request(MediaOperation.Vary, new CommandOptions()), CancellationToken.None));

        error.Message.ShouldContain("needs an image");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task TrackAsync_Upscale_MultipliesTheSizeAndKeepsThePattern(int factor)
    {
        var input = TestImages.Blocks(64, 48);

        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Upscale, new CommandOptions { UpscaleFactor = factor }, [TestImages.Input(ImageCodec.EncodePng(input))]));

        updates.OfType<ProviderUpdate.Running>().Count().ShouldBeGreaterThan(1);
        var result = ImageCodec.Decode(await ReadAsync(Single(updates)), long.MaxValue);
        (result.Width, result.Height).ShouldBe((64 * factor, 48 * factor));
        for (var by = 0; by < 6; by++)
        {
            for (var bx = 0; bx < 8; bx++)
            {
                // The middle of each 8×8 block keeps the block's colour.
                var x = (bx * 8 + 4) * factor;
                var y = (by * 8 + 4) * factor;
                var pixel = result.Pixels.AsSpan((y * result.Width + x) * 4, 4).ToArray();
                var expected = TestImages.BlockColour(bx, by);
                for (var c = 0; c < 4; c++)
                {
                    ((double)pixel[c]).ShouldBe(expected[c], 6);
                }
            }
        }
    }

    [Fact]
    public async Task SubmitAsync_UpscaleBeyondTheCap_ThrowsClearProviderException()
    {
        var media = new StoredMedia("big", "image/png", "big.png", 1000, 5000, 4000);
        var input = new MediaInput(MediaRole.Image, media, _ => throw new InvalidOperationException("not read"));

        var error = await Should.ThrowAsync<ProviderException>(() =>
            CreateSut().SubmitAsync(Request(MediaOperation.Upscale, new CommandOptions { UpscaleFactor = 4 }, [input]), CancellationToken.None));

        error.Code.ShouldBe("too_large");
        error.Message.ShouldContain("20000×16000");
        error.Message.ShouldContain("64 megapixels");
        error.Message.ShouldContain("Try 2×");
    }

    [Fact]
    public async Task TrackAsync_UpscaleBeyondTheCapOnceRead_FailsWithClearMessage()
    {
        var input = TestImages.Input(ImageCodec.EncodePng(TestImages.Blocks(200, 150)));

        var updates = await RunAsync(CreateSut(o => o.MaxPixels = 100_000), Request(MediaOperation.Upscale, new CommandOptions { UpscaleFactor = 2 }, [input]));

        var failed = updates[^1].ShouldBeOfType<ProviderUpdate.Failed>();
        failed.Code.ShouldBe("too_large");
        failed.UserMessage.ShouldContain("400×300");
    }

    [Fact]
    public async Task TrackAsync_Reframe16By9_ExtendsAroundTheUntouchedInput()
    {
        var input = TestImages.Blocks(300, 300, block: 30);

        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Edit, new CommandOptions { AspectRatio = "16:9", Mode = "reframe" }, [TestImages.Input(ImageCodec.EncodePng(input))]));

        updates.OfType<ProviderUpdate.Running>().ShouldContain(r => r.Preview != null);
        var result = ImageCodec.Decode(await ReadAsync(Single(updates)), long.MaxValue);
        result.Height.ShouldBe(300);
        ((double)result.Width / result.Height).ShouldBe(16.0 / 9.0, 0.01);
        var offset = (result.Width - 300) / 2;
        result.Crop(offset, 0, 300, 300).Pixels.ShouldBe(input.Pixels);
    }

    [Fact]
    public async Task TrackAsync_ReframeToTaller_ExtendsTopAndBottom()
    {
        var input = TestImages.Blocks(320, 180, block: 20);

        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Reframe, new CommandOptions { AspectRatio = "1:1" }, [TestImages.Input(ImageCodec.EncodePng(input))]));

        var result = ImageCodec.Decode(await ReadAsync(Single(updates)), long.MaxValue);
        (result.Width, result.Height).ShouldBe((320, 320));
        result.Crop(0, 70, 320, 180).Pixels.ShouldBe(input.Pixels);
    }

    [Fact]
    public async Task TrackAsync_ReframeByMargins_ExtendsEachSideByItsPixels()
    {
        var input = TestImages.Blocks(120, 80, block: 20);
        var margins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["left"] = "30", ["right"] = "0", ["up"] = "10", ["down"] = "20" };

        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Reframe, new CommandOptions { Mode = "reframe", Extra = margins }, [TestImages.Input(ImageCodec.EncodePng(input))]));

        var result = ImageCodec.Decode(await ReadAsync(Single(updates)), long.MaxValue);
        (result.Width, result.Height).ShouldBe((150, 110));
        result.Crop(30, 10, 120, 80).Pixels.ShouldBe(input.Pixels);
    }

    [Fact]
    public async Task SubmitAsync_ReframeWithoutAspect_ThrowsClearProviderException()
    {
        var input = TestImages.Input(ImageCodec.EncodePng(TestImages.Blocks(32, 32)));

        var error = await Should.ThrowAsync<ProviderException>(() =>
            CreateSut().SubmitAsync(Request(MediaOperation.Edit, new CommandOptions { Prompt = "make it wider" }, [input]), CancellationToken.None));

        error.Code.ShouldBe("aspect_required");
        error.Message.ShouldContain("--ar 16:9");
        error.NeverReachedProvider.ShouldBeTrue("another provider may still take the job");
    }

    [Fact]
    public async Task SubmitAsync_UnsupportedOperation_ThrowsProviderException()
    {
        var error = await Should.ThrowAsync<ProviderException>(() =>
            CreateSut().SubmitAsync(Request(MediaOperation.Inpaint, new CommandOptions()), CancellationToken.None));

        error.Code.ShouldBe("unsupported_operation");
    }

    [Fact]
    public async Task TrackAsync_UnsupportedOperation_FailsWithClearMessage()
    {
        var updates = await RunAsync(CreateSut(), Request(MediaOperation.LipSync, new CommandOptions()));

        updates.ShouldHaveSingleItem().ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("unsupported_operation");
    }

    [Fact]
    public async Task TrackAsync_VideoFromImage_ProducesAnMp4WithRisingProgress()
    {
        var input = TestImages.Input(ImageCodec.EncodePng(TestImages.Blocks(160, 90, block: 10)));
        var sut = CreateSut();
        var request = Request(MediaOperation.Video, new CommandOptions { DurationSeconds = 1, Seed = 1 }, [input]);

        await sut.SubmitAsync(request, CancellationToken.None);
        var updates = await RunAsync(sut, request);

        var percents = updates.OfType<ProviderUpdate.Running>().Select(r => r.Percent!.Value).ToList();
        percents.ShouldBe(percents.Order());
        percents.Count.ShouldBeGreaterThan(1);
        var video = await ReadAsync(Single(updates));
        MediaSniffer.Sniff(video).ShouldNotBeNull().ContentType.ShouldBe("video/mp4");
        video.Length.ShouldBeGreaterThan(5_000);
    }

    [Fact]
    public async Task TrackAsync_VideoFromPrompt_RendersAFrameThenProducesAnMp4()
    {
        var request = Request(MediaOperation.Video, new CommandOptions { Prompt = "a starry night", DurationSeconds = 1, AspectRatio = "9:16" });

        var updates = await RunAsync(CreateSut(), request);

        updates.OfType<ProviderUpdate.Running>().Count(r => r.Preview != null).ShouldBe(ProceduralRenderer.PassCount);
        var video = await ReadAsync(Single(updates));
        MediaSniffer.Sniff(video).ShouldNotBeNull().ContentType.ShouldBe("video/mp4");
        video.Length.ShouldBeGreaterThan(5_000);
    }

    [Fact]
    public async Task TrackAsync_VideoLargerThanTheSizeBound_IsStoppedWithAClearMessage()
    {
        // ffmpeg's output is bounded by size as well as by time (issue 13 point 4).
        var request = Request(MediaOperation.Video, new CommandOptions { Prompt = "a starry night", DurationSeconds = 1 });

        var updates = await RunAsync(CreateSut(o => o.MaxVideoBytes = 2_000), request);

        var failed = updates[^1].ShouldBeOfType<ProviderUpdate.Failed>();
        failed.Code.ShouldBe("video_too_large");
        failed.UserMessage.ShouldContain("larger than");
    }

    [Fact]
    public async Task SubmitAsync_VideoWithoutFfmpeg_ThrowsClearProviderException()
    {
        var sut = CreateSut(o => o.FfmpegPath = MissingFfmpeg);

        var error = await Should.ThrowAsync<ProviderException>(() =>
            sut.SubmitAsync(Request(MediaOperation.Video, new CommandOptions { Prompt = "waves" }), CancellationToken.None));

        error.Message.ShouldBe("Video needs ffmpeg, which is not installed on the bot's machine.");
    }

    [Fact]
    public async Task TrackAsync_VideoWithoutFfmpeg_FailsWithTheSameMessage()
    {
        var sut = CreateSut(o => o.FfmpegPath = MissingFfmpeg);

        var updates = await RunAsync(sut, Request(MediaOperation.Video, new CommandOptions { Prompt = "waves" }));

        var failed = updates.ShouldHaveSingleItem().ShouldBeOfType<ProviderUpdate.Failed>();
        failed.Code.ShouldBe("ffmpeg_missing");
        failed.UserMessage.ShouldBe("Video needs ffmpeg, which is not installed on the bot's machine.");
    }

    [Fact]
    public async Task TrackAsync_JpegInput_IsDecoded()
    {
        var input = TestImages.Input(TestImages.FfmpegJpeg(80, 60));

        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Upscale, new CommandOptions(), [input]));

        var sniff = MediaSniffer.Sniff(await ReadAsync(Single(updates))).ShouldNotBeNull();
        (sniff.ContentType, sniff.Width, sniff.Height).ShouldBe(("image/png", 160, 120));
    }

    [Fact]
    public async Task TrackAsync_SixteenBitPngInput_IsDecoded()
    {
        var input = TestImages.Input(TestImages.FfmpegPng("rgb48be"));

        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Upscale, new CommandOptions(), [input]));

        var result = ImageCodec.Decode(await ReadAsync(Single(updates)), long.MaxValue);
        (result.Width, result.Height).ShouldBe((134, 86));
    }

    [Fact]
    public async Task SubmitAsync_JpegInputWithoutFfmpeg_IsAcceptedAndDecoded()
    {
        // Images are decoded by SkiaSharp: only video needs ffmpeg.
        var input = TestImages.Input(TestImages.FfmpegJpeg(80, 60));
        var sut = CreateSut(o => o.FfmpegPath = MissingFfmpeg);
        var request = Request(MediaOperation.Upscale, new CommandOptions(), [input]);

        await sut.SubmitAsync(request, CancellationToken.None);
        var updates = await RunAsync(sut, request);

        var sniff = MediaSniffer.Sniff(await ReadAsync(Single(updates))).ShouldNotBeNull();
        (sniff.ContentType, sniff.Width, sniff.Height).ShouldBe(("image/png", 160, 120));
    }

    [Fact]
    public async Task TrackAsync_NotAnImage_FailsWithClearMessage()
    {
        var input = new MediaInput(MediaRole.Image, new StoredMedia("x", "image/png", "x.png", 5), _ => Task.FromResult<Stream>(new MemoryStream("hello"u8.ToArray())));

        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Upscale, new CommandOptions(), [input]));

        updates[^1].ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("unsupported_input");
    }

    [Fact]
    public async Task TrackAsync_PassDelay_WaitsOnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        var sut = CreateSut(o => o.PassDelay = TimeSpan.FromSeconds(2), time);
        var request = Request(MediaOperation.Imagine, new CommandOptions { Prompt = "slow", Seed = 1, AspectRatio = "1:1" });
        await using var updates = sut.TrackAsync(request, new Submission("r"), CancellationToken.None).GetAsyncEnumerator();

        (await updates.MoveNextAsync()).ShouldBeTrue();
        var next = updates.MoveNextAsync();
        next.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(1));
        next.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(1));

        (await next).ShouldBeTrue();
        updates.Current.ShouldBeOfType<ProviderUpdate.Running>().Percent!.Value.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task TrackAsync_Cancelled_StopsWithoutFinishing()
    {
        var time = new TimerAwareFakeTimeProvider();
        var sut = CreateSut(o => o.PassDelay = TimeSpan.FromHours(1), time);
        using var cancellation = new CancellationTokenSource();
        var request = Request(MediaOperation.Imagine, new CommandOptions { Prompt = "never finished", Seed = 1, Count = 4 });
        await using var updates = sut.TrackAsync(request, new Submission("r"), cancellation.Token).GetAsyncEnumerator();

        (await updates.MoveNextAsync()).ShouldBeTrue();
        var next = updates.MoveNextAsync();
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(async () => await next);
        time.ActiveTimers.ShouldBe(0);
    }

    [Fact]
    public async Task TrackAsync_CancelledWhileEncoding_StopsWithoutAVideo()
    {
        var input = TestImages.Input(ImageCodec.EncodePng(TestImages.Blocks(64, 64)));
        using var cancellation = new CancellationTokenSource();
        var request = Request(MediaOperation.Video, new CommandOptions { DurationSeconds = 10 }, [input]);

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in CreateSut().TrackAsync(request, new Submission("r"), cancellation.Token))
            {
                update.ShouldBeOfType<ProviderUpdate.Running>("a cancelled video never finishes");
                if (update is ProviderUpdate.Running { Message: "Animating" })
                {
                    await cancellation.CancelAsync();
                }
            }
        });
    }

    [Fact]
    public async Task TrackAsync_AlreadyCancelled_DoesNoWork()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var request = Request(MediaOperation.Imagine, new CommandOptions { Prompt = "nothing" });

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in CreateSut().TrackAsync(request, new Submission("r"), cancellation.Token))
            {
                update.ShouldBeNull("no update may arrive");
            }
        });
    }

    private static LocalProvider CreateSut(Action<LocalProviderOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new LocalProviderOptions { PassDelay = TimeSpan.Zero, ImagePixels = SmallPixels };
        configure?.Invoke(options);
        return new LocalProvider(Options.Create(options), time ?? TimeProvider.System, NullLogger<LocalProvider>.Instance);
    }

    private static MediaRequest Request(MediaOperation operation, CommandOptions options, IReadOnlyList<MediaInput>? inputs = null, string jobId = "job-1")
    {
        var model = new ModelDefinition { Id = "local-test", Provider = "local", Operations = [operation] };
        return new MediaRequest(jobId, operation, model, options, inputs ?? [], AllowNsfw: false);
    }

    private static async Task<List<ProviderUpdate>> RunAsync(LocalProvider sut, MediaRequest request)
    {
        var updates = new List<ProviderUpdate>();
        await foreach (var update in sut.TrackAsync(request, new Submission("remote"), CancellationToken.None))
        {
            updates.Add(update);
        }

        return updates;
    }

    private static MediaOutput Single(List<ProviderUpdate> updates) =>
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().Outputs.ShouldHaveSingleItem();

    private static async Task<byte[]> ReadAsync(MediaOutput output)
    {
        await using var stream = await output.OpenAsync(CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static double MeanAbsoluteDifference(RgbaImage a, RgbaImage b)
    {
        long total = 0;
        for (var i = 0; i < a.Pixels.Length; i++)
        {
            if (i % 4 != 3)
            {
                total += Math.Abs(a.Pixels[i] - b.Pixels[i]);
            }
        }

        return total / (a.Pixels.Length * 0.75);
    }
}
