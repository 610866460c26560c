using System.Diagnostics;
using ChatBot.Core.Model;
using ChatBot.Core.Media;
using ChatBot.Core.Providers;
using ChatBot.Providers.Local.Imaging;

namespace ChatBot.Providers.Tests.Local;

/// <summary>Pictures and files the local provider tests feed in.</summary>
internal static class TestImages
{
    /// <summary>A checkerboard of 8-pixel blocks in four colours: easy to recognise after resampling.</summary>
    public static RgbaImage Blocks(int width, int height, int block = 8)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var colour = BlockColour(x / block, y / block);
                colour.CopyTo(image.Pixels.AsSpan((y * width + x) * 4, 4));
            }
        }

        return image;
    }

    public static byte[] BlockColour(int bx, int by) => ((bx + by * 3) % 4) switch
    {
        0 => [200, 30, 40, 255],
        1 => [20, 160, 60, 255],
        2 => [30, 60, 220, 255],
        _ => [240, 230, 200, 255],
    };

    /// <summary>A smooth gradient with some alpha, for codec round trips.</summary>
    public static RgbaImage Gradient(int width, int height, bool alpha)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * 4;
                image.Pixels[i] = (byte)(x * 255 / Math.Max(1, width - 1));
                image.Pixels[i + 1] = (byte)(y * 255 / Math.Max(1, height - 1));
                image.Pixels[i + 2] = (byte)((x * 7 + y * 13) % 256);
                image.Pixels[i + 3] = alpha ? (byte)((x + y) * 3 % 256) : (byte)255;
            }
        }

        return image;
    }

    public static MediaInput Input(byte[] file, MediaRole role = MediaRole.Image)
    {
        var sniff = MediaSniffer.Sniff(file) ?? throw new InvalidOperationException("unknown test file");
        var media = new StoredMedia($"test/{Guid.NewGuid():N}", sniff.ContentType, $"input.{sniff.Extension}", file.Length, sniff.Width, sniff.Height);
        return new MediaInput(role, media, _ => Task.FromResult<Stream>(new MemoryStream(file, writable: false)));
    }

    /// <summary>Runs ffmpeg (installed on test machines) and returns what it wrote to stdout.</summary>
    public static byte[] RunFfmpeg(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed: {errors.Result}");
        }

        return output.ToArray();
    }

    /// <summary>A PNG made by ffmpeg from its test pattern (with varying alpha), in the given pixel format and row filter.</summary>
    public static byte[] FfmpegPng(string pixelFormat, string prediction = "mixed", int width = 67, int height = 43) =>
        RunFfmpeg("-v", "error", "-f", "lavfi", "-i", $"testsrc=size={width}x{height},format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='mod(X*7+Y*3,256)'", "-frames:v", "1", "-pix_fmt", pixelFormat, "-pred", prediction, "-f", "image2pipe", "-c:v", "png", "pipe:1");

    public static byte[] FfmpegJpeg(int width, int height) => FfmpegImage("mjpeg", width, height);

    /// <summary>A 7×5 Adam7-interlaced RGB PNG (made by hand: ffmpeg does not write interlaced PNGs); pixel (x, y) is <see cref="InterlacedPixel"/>.</summary>
    public static byte[] InterlacedPng() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAcAAAAFCAIAAAFx/1EZAAAAcUlEQVR4nA3JoRHDMAxG4Z8IlHaBILMsYCAaIOo5cuJaoAt4AU+h0wZZoFQrlGiAGjzw3QNAmDsUzfpCQLkldWcxYCTWp91pCw2koNi32aE2wj5o1bVW1AtgavwWPpTPyT34Sh6AU/NTfKjb9BX+pP/+MBMpNZpntfYAAAAASUVORK5CYII=");

    public static byte[] InterlacedPixel(int x, int y) => [(byte)(x * 37 % 256), (byte)(y * 61 % 256), (byte)((x * y * 13 + 5) % 256), 255];

    /// <summary>An image in another format, made by ffmpeg from its test pattern.</summary>
    public static byte[] FfmpegImage(string codec, int width, int height, params string[] extra) =>
        RunFfmpeg([
            "-v", "error", "-f", "lavfi", "-i", $"testsrc=size={width}x{height}", "-frames:v", "1", .. extra,
            "-f", "image2pipe", "-c:v", codec, "pipe:1",
        ]);

    /// <summary>The RGBA pixels ffmpeg itself decodes from a file.</summary>
    public static byte[] FfmpegRgba(byte[] file)
    {
        var path = Path.Combine(Path.GetTempPath(), $"chatbot-test-{Guid.NewGuid():N}");
        File.WriteAllBytes(path, file);
        try
        {
            return RunFfmpeg("-v", "error", "-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgba", "pipe:1");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The largest difference between two pixel buffers of the same size, over every channel.</summary>
    public static int MaxDifference(byte[] a, byte[] b)
    {
        a.Length.ShouldBe(b.Length);
        var max = 0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }

    /// <summary>The mean difference between two pixel buffers of the same size, over every channel.</summary>
    public static double MeanDifference(byte[] a, byte[] b)
    {
        a.Length.ShouldBe(b.Length);
        long total = 0;
        for (var i = 0; i < a.Length; i++)
        {
            total += Math.Abs(a[i] - b[i]);
        }

        return (double)total / a.Length;
    }
}
