using System.Diagnostics;

namespace ChatBot.Emulators.Providers;

/// <summary>A real MP4 (H.264, one second of a solid colour), made once with the machine's ffmpeg, for tests that decode video.</summary>
public static partial class TestMedia
{
    private static readonly Lazy<byte[]> DecodableMp4 = new(MakeMp4);

    /// <summary>A one-second 32×32 H.264 MP4 that ffmpeg can read back (its last frame is a 32×32 image).</summary>
    public static byte[] RealMp4() => DecodableMp4.Value;

    private static byte[] MakeMp4()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chatbot-test-{Guid.NewGuid():N}.mp4");
        try
        {
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=red:s=32x32:d=1:r=10", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-y", path })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? File.ReadAllBytes(path) : throw new InvalidOperationException("ffmpeg could not make the test video: " + error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
