using ChatBot.Providers.Local.Imaging;

namespace ChatBot.Providers.Local.Rendering;

/// <summary>
/// Paints a picture from a prompt and a seed in <see cref="PassCount"/> passes (base colours, shapes, texture, details),
/// or re-paints an existing picture into a variation. Not AI, but it follows the prompt a little (<see cref="PromptScene"/>):
/// colour and mood words pick the palette, the time of day the sky and the sun, a few scene words the composition and
/// its landmarks (a lighthouse, a skyline, trees, snow). Deterministic: the same prompt, seed and size give the same pixels.
/// The passes live in the partial files beside this one: the scene (base, shapes), its landmarks, and the finish.
/// </summary>
internal sealed partial class ProceduralRenderer
{
    public const int PassCount = 4;

    private readonly int width;
    private readonly int height;
    private readonly float[] canvas;
    private readonly float[]? original;
    private readonly float strength;
    private readonly string prompt;
    private readonly long seed;
    private readonly Palette palette;
    private readonly SceneStyle style;
    private readonly PromptScene scene;
    private readonly uint noiseSeed;
    private SplitMix rng;
    private float sunX;
    private float sunY;

    private ProceduralRenderer(string prompt, long seed, int width, int height, float[]? original, float strength)
    {
        this.width = width;
        this.height = height;
        this.prompt = prompt;
        this.seed = seed;
        this.original = original;
        this.strength = strength;
        canvas = new float[checked(width * height * 3)];

        var words = Words(prompt);
        var promptHash = SplitMix.Hash(prompt.Trim().ToLowerInvariant());
        rng = new SplitMix(promptHash ^ (ulong)seed * 0x9E3779B97F4A7C15UL);
        noiseSeed = rng.NextUInt();
        scene = PromptScene.Read(words);
        palette = Palette.From(words, promptHash, ref rng, scene);
        style = scene.Style ?? (SceneStyle)rng.Next(3);
    }

    /// <summary>What each pass does, for progress messages.</summary>
    public static IReadOnlyList<string> PassNames { get; } = ["base colours", "shapes", "texture", "details"];

    public static IReadOnlyList<string> VariationPassNames { get; } = ["reshaping", "new layer", "texture", "details"];

    public int Width => width;

    public int Height => height;

    public static ProceduralRenderer Create(string prompt, long seed, int width, int height) =>
        new(prompt, seed, width, height, null, 0f);

    /// <summary>A renderer whose passes turn <paramref name="source"/> into a variation of itself.</summary>
    public static ProceduralRenderer CreateVariation(RgbaImage source, string prompt, long seed, float strength)
    {
        var pixels = new float[checked(source.Width * source.Height * 3)];
        var src = source.Pixels;
        for (int i = 0, j = 0; j < pixels.Length; i += 4, j += 3)
        {
            var a = src[i + 3] / 255f;

            // Transparent areas become white, as they look in a chat client.
            pixels[j] = (src[i] * a + 255 * (1 - a)) / 255f;
            pixels[j + 1] = (src[i + 1] * a + 255 * (1 - a)) / 255f;
            pixels[j + 2] = (src[i + 2] * a + 255 * (1 - a)) / 255f;
        }

        var renderer = new ProceduralRenderer(prompt, seed, source.Width, source.Height, pixels, Math.Clamp(strength, 0.05f, 1f));
        return renderer;
    }

    public void RunPass(int pass, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pass);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pass, PassCount);
        // A variation warps and re-layers the original instead of painting a new base, then finishes more lightly.
        var varying = original is not null;
        switch (pass)
        {
            case 0 when varying:
                Warp(cancellationToken);
                break;
            case 0:
                PaintBase(cancellationToken);
                break;
            case 1 when varying:
                BlendNewLayer(cancellationToken);
                break;
            case 1:
                PaintShapes(cancellationToken);
                break;
            case 2:
                PaintTexture(cancellationToken, varying ? 0.6f : 1f);
                break;
            default:
                PaintDetails(cancellationToken, varying ? 0.5f : 1f);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RgbaImage ToImage()
    {
        var image = new RgbaImage(width, height);
        var pixels = image.Pixels;
        for (int i = 0, j = 0; j < canvas.Length; i += 4, j += 3)
        {
            pixels[i] = ToByte(canvas[j]);
            pixels[i + 1] = ToByte(canvas[j + 1]);
            pixels[i + 2] = ToByte(canvas[j + 2]);
            pixels[i + 3] = 255;
        }

        return image;
    }

    /// <summary>A small copy of the canvas (area-averaged), at most <paramref name="maxSide"/> pixels on its long side.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RgbaImage Preview(int maxSide)
    {
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(width, height));
        var pw = Math.Max(1, (int)Math.Round(width * scale));
        var ph = Math.Max(1, (int)Math.Round(height * scale));
        var preview = new RgbaImage(pw, ph);
        var pixels = preview.Pixels;
        for (var py = 0; py < ph; py++)
        {
            var y0 = py * height / ph;
            var y1 = Math.Max(y0 + 1, (py + 1) * height / ph);
            for (var px = 0; px < pw; px++)
            {
                var x0 = px * width / pw;
                var x1 = Math.Max(x0 + 1, (px + 1) * width / pw);
                float r = 0, g = 0, b = 0;
                for (var y = y0; y < y1; y++)
                {
                    for (var x = x0; x < x1; x++)
                    {
                        var j = (y * width + x) * 3;
                        r += canvas[j];
                        g += canvas[j + 1];
                        b += canvas[j + 2];
                    }
                }

                var n = (float)((y1 - y0) * (x1 - x0));
                var o = (py * pw + px) * 4;
                pixels[o] = ToByte(r / n);
                pixels[o + 1] = ToByte(g / n);
                pixels[o + 2] = ToByte(b / n);
                pixels[o + 3] = 255;
            }
        }

        return preview;
    }

    private static byte ToByte(float value) => (byte)Math.Clamp((int)(value * 255f + 0.5f), 0, 255);

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '.', ';', ':', '!', '?', '-', '_', '/', '"', '\'', '(', ')', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);

    // ---- helpers --------------------------------------------------------------------------

    private static float SmoothStep(float edge0, float edge1, float x)
    {
        var t = Math.Clamp((x - edge0) / (edge1 - edge0), 0f, 1f);
        return t * t * (3 - 2 * t);
    }

    private static Rgb Interpolate(IReadOnlyList<Rgb> colours, float t)
    {
        var position = t * (colours.Count - 1);
        var index = Math.Min((int)position, colours.Count - 2);
        return Rgb.Lerp(colours[index], colours[index + 1], position - index);
    }

    private static void CheckRow(int y, CancellationToken cancellationToken)
    {
        if ((y & 31) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void Set(int x, int y, Rgb colour)
    {
        var j = (y * width + x) * 3;
        canvas[j] = colour.R;
        canvas[j + 1] = colour.G;
        canvas[j + 2] = colour.B;
    }

    private void Blend(int x, int y, Rgb colour, float alpha)
    {
        var j = (y * width + x) * 3;
        canvas[j] += (colour.R - canvas[j]) * alpha;
        canvas[j + 1] += (colour.G - canvas[j + 1]) * alpha;
        canvas[j + 2] += (colour.B - canvas[j + 2]) * alpha;
    }
}
