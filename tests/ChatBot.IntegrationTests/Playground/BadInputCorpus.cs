using System.Text;
using ChatBot.Emulators.Providers;
using ChatBot.Providers.Tests.Local;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>
/// Issue 13's bad-input corpus: requests and files a careless or hostile client sends the Playground API. Each
/// case is either a raw request (body and content type) or a command line with files.
/// </summary>
internal static class BadInputCorpus
{
    public const string User = "mallory";

    public static IEnumerable<BadInput> Cases()
    {
        // Requests the API itself must refuse (4xx with a JSON error).
        yield return Raw("attachment null", """{"user":"mallory","text":"/upscale","attachments":[null]}""");
        yield return Raw("second attachment null", """{"user":"mallory","text":"/help","attachments":[{"fileName":"a.png","dataBase64":""},null]}""");
        yield return Raw("not JSON", "user=mallory&text=/help");
        yield return Raw("empty body", "");
        yield return Raw("JSON null", "null");
        yield return Raw("JSON array", "[]");
        yield return Raw("JSON string", "\"/help\"");
        yield return Raw("cut-short JSON", """{"user":"mallory","text":"/imagine a fo""");
        yield return Raw("user is a number", """{"user":123,"text":"/help"}""");
        yield return Raw("text is an object", """{"user":"mallory","text":{"a":1}}""");
        yield return Raw("no text", """{"user":"mallory"}""");
        yield return Raw("no user", """{"text":"/help"}""");
        yield return Raw("empty user", """{"user":"","text":"/help"}""");
        yield return Raw("attachments not a list", """{"user":"mallory","text":"/upscale","attachments":"a.png"}""");
        yield return Raw("attachment data not base64", """{"user":"mallory","text":"/upscale","attachments":[{"fileName":"a.png","dataBase64":"%%%not base64%%%"}]}""");
        yield return Raw("text/plain content type", """{"user":"mallory","text":"/help"}""", "text/plain");
        yield return Raw("form content type", "user=mallory&text=/help", "application/x-www-form-urlencoded");
        yield return Raw("XML content type", "<message/>", "application/xml");
        yield return Raw("button on an unknown reply", """{"user":"mallory"}""", path: "/api/playground/replies/no-such-reply/buttons/upscale-1");
        yield return Raw("button with a malformed id", """{"user":"mallory"}""", path: "/api/playground/replies/r1/buttons/%2e%2e");
        yield return Raw("button with a wrong content type", "user=mallory", "text/plain", "/api/playground/replies/r1/buttons/x");
        yield return Raw("button body not JSON", "{{{", path: "/api/playground/replies/r1/buttons/x");

        // Commands the bot must refuse with a message, before charging anything.
        yield return Command("unknown command", "/nosuchcommand");
        yield return Command("imagine without a prompt", "/imagine");
        yield return Command("count far out of range", "/imagine a fox --n 1000");
        yield return Command("negative count", "/imagine a fox --n -1");
        yield return Command("fractional count", "/imagine a fox --n 2.5");
        yield return Command("zero aspect ratio", "/imagine a fox --ar 0:0");
        yield return Command("aspect ratio not a ratio", "/imagine a fox --ar banana");
        yield return Command("seed not a number", "/imagine a fox --seed many");
        yield return Command("seed beyond any integer", "/imagine a fox --seed 999999999999999999999999999");
        yield return Command("unknown flag", "/imagine a fox --frobnicate 3");
        yield return Command("unknown model", "/imagine a fox --model no-such-model");
        yield return Command("video far too long", "/video waves --duration 100000");
        yield return Command("prompt far too long", "/imagine " + new string('a', 100_000));
        yield return Command("upscale without a picture", "/upscale");
        yield return Command("grant by a member", "/credits grant @mallory 9223372036854775807");
        yield return Command("cancel an unknown job", "/cancel no-such-job");

        // Files: truncated, garbage, lying headers, wrong types.
        var png = TestMedia.Png(16, 16);
        yield return Command("garbage named .png", "/upscale", ("noise.png", Noise(4096)));
        yield return Command("empty file", "/upscale", ("empty.png", []));
        yield return Command("text named .jpg", "/upscale", ("notes.jpg", Encoding.UTF8.GetBytes("just some words, not a picture")));
        yield return Command("PNG claiming 100000×100000", "/upscale", ("huge.png", HugePngHeader(100_000)));
        yield return Command("JPEG cut short", "/upscale", ("cut.jpg", TestMedia.Jpeg(64, 64)[..24]));
        yield return Command("GIF header only", "/upscale", ("short.gif", "GIF89a"u8.ToArray()));
        yield return Command("video where a picture belongs", "/upscale", ("clip.png", TestMedia.Mp4()));
        yield return Command("audio where a picture belongs", "/upscale", ("song.png", TestMedia.Mp3()));
        yield return Command("file name that climbs folders", "/upscale", ("../../../../etc/passwd", Noise(64)));
        yield return Command("too many attachments", "/upscale", [.. Enumerable.Range(0, 12).Select(i => ($"p{i}.png", png))]);

        // Files only the decoder can see through: the job is taken, fails with a message and refunds everything.
        yield return Command("PNG cut after its header", "/upscale", ("cut.png", png[..33]), decoderCase: true);
        yield return Command("PNG with a second, larger IHDR", "/upscale", ("twice.png", HostileImages.PngWithSecondIhdr(1, 8000)), decoderCase: true);
        yield return Command("WebP whose canvas claims 1×1", "/video", ("canvas.webp", HostileImages.WebPClaimingOnePixel(2000)), decoderCase: true);
        var damaged = (byte[])png.Clone();
        damaged[^20] ^= 0xFF;
        yield return Command("PNG with damaged data", "/upscale", ("damaged.png", damaged), decoderCase: true);
    }

    private static BadInput Raw(string name, string body, string contentType = "application/json", string path = "/api/playground/messages") =>
        new(name, path, body, contentType, null, [], DecoderCase: false);

    private static BadInput Command(string name, string text, params (string FileName, byte[] Data)[] files) =>
        new(name, null, null, null, text, files, DecoderCase: false);

    private static BadInput Command(string name, string text, (string FileName, byte[] Data) file, bool decoderCase) =>
        new(name, null, null, null, text, [file], decoderCase);

    private static byte[] Noise(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A PNG signature and an IHDR for a square of <paramref name="size"/> pixels, and nothing else.</summary>
    private static byte[] HugePngHeader(int size)
    {
        var file = TestMedia.Png(1, 1)[..33];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(16), size);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(20), size);
        return file;
    }
}
