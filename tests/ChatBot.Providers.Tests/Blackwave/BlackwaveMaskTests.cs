using System.Diagnostics;
using ChatBot.Providers.Blackwave;

namespace ChatBot.Providers.Tests.Blackwave;

/// <summary>The mask conversion: the bot's transparent-means-edit PNG becomes Blackwave's white-means-edit JPEG.</summary>
public sealed class BlackwaveMaskTests
{
    [Fact]
    public async Task PrepareAsync_TransparentLeftHalf_BecomesWhiteLeftHalfAtTheImageSize()
    {
        var jpeg = await BlackwaveMask.PrepareAsync(TestMedia.MaskPng(16, 8), 32, 16, "ffmpeg", CancellationToken.None);

        var sniff = MediaSniffer.Sniff(jpeg)!;
        sniff.ContentType.ShouldBe("image/jpeg");
        (sniff.Width, sniff.Height).ShouldBe((32, 16));
        var gray = await DecodeGrayAsync(jpeg);
        var row = gray.AsSpan(8 * 32, 32).ToArray();
        row.Take(12).ShouldAllBe(p => p > 200); // transparent in the bot's mask: edit → white
        row.Skip(20).ShouldAllBe(p => p < 55);  // opaque: keep → black
    }

    [Fact]
    public async Task PrepareAsync_JpegOfTheRightSize_IsPassedThrough()
    {
        var mask = TestMedia.Jpeg(20, 10);

        (await BlackwaveMask.PrepareAsync(mask, 20, 10, "ffmpeg", CancellationToken.None)).ShouldBeSameAs(mask);
    }

    [Fact]
    public async Task PrepareAsync_NotAnImage_RefusedWithTheRequirement()
    {
        var e = await Should.ThrowAsync<ProviderException>(() => BlackwaveMask.PrepareAsync("hello"u8.ToArray(), 8, 8, "ffmpeg", CancellationToken.None));

        e.Code.ShouldBe("invalid_mask");
        e.Message.ShouldContain("the size of the picture");
    }

    [Fact]
    public async Task PrepareAsync_NoFfmpeg_SaysSoClearly()
    {
        var e = await Should.ThrowAsync<ProviderException>(() => BlackwaveMask.PrepareAsync(TestMedia.MaskPng(), 8, 8, "/nonexistent/ffmpeg", CancellationToken.None));

        e.Message.ShouldContain("ffmpeg is not installed");
    }

    private static async Task<byte[]> DecodeGrayAsync(byte[] jpeg)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-loglevel", "error", "-i", "pipe:0", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(jpeg);
        process.StandardInput.Close();
        await reading;
        await errors;
        await process.WaitForExitAsync();
        return output.ToArray();
    }
}
