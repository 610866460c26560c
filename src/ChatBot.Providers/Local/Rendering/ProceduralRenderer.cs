using ChatBot.Providers.Local.Imaging;

namespace ChatBot.Providers.Local.Rendering;

/// <summary>
/// Paints an abstract picture from a prompt and a seed in <see cref="PassCount"/> passes (base
/// colours, shapes, texture, details), or re-paints an existing picture into a variation.
/// Deterministic: the same prompt, seed and size give the same pixels.
/// </summary>
internal sealed class ProceduralRenderer
{
    public const int PassCount = 4;

    private static readonly string[] LandscapeWords = ["mountain", "mountains", "landscape", "valley", "hills", "hill", "sunset", "sunrise", "forest", "desert", "canyon", "horizon", "peaks"];
    private static readonly string[] WaveWords = ["ocean", "sea", "wave", "waves", "water", "river", "lake", "flow", "surf", "tide"];
    private static readonly string[] OrbWords = ["bubble", "bubbles", "orb", "orbs", "planet", "planets", "abstract", "circle", "circles", "balloon", "bokeh"];

    private readonly int width;
    private readonly int height;
    private readonly float[] canvas;
    private readonly float[]? original;
    private readonly float strength;
    private readonly string prompt;
    private readonly long seed;
    private readonly Palette palette;
    private readonly SceneStyle style;
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
        palette = Palette.From(words, promptHash, ref rng);
        style = words.Any(w => LandscapeWords.Contains(w)) ? SceneStyle.Landscape
            : words.Any(w => WaveWords.Contains(w)) ? SceneStyle.Waves
            : words.Any(w => OrbWords.Contains(w)) ? SceneStyle.Orbs
            : (SceneStyle)rng.Next(3);
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

    // ---- pass 1: base colours -------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PaintBase(CancellationToken cancellationToken)
    {
        var angle = style == SceneStyle.Orbs ? rng.Range(0f, MathF.PI * 2) : MathF.PI / 2;
        var dx = MathF.Cos(angle);
        var dy = MathF.Sin(angle);
        var horizon = Horizon;
        var glowX = rng.Range(0.2f, 0.8f) * width;
        var glowY = (style == SceneStyle.Landscape ? horizon * rng.Range(0.55f, 0.9f) : rng.Range(0.2f, 0.8f)) * height;
        var glowRadius = rng.Range(0.25f, 0.45f) * Math.Min(width, height);
        sunX = glowX;
        sunY = glowY;
        var invTwoSigma = 1f / (2 * glowRadius * glowRadius);
        var bottom = style == SceneStyle.Orbs ? palette.Layers[^1] : palette.Layers[1];

        // The glow is a Gaussian, which separates into a row factor times a column factor.
        var glowColumns = new float[width];
        for (var x = 0; x < width; x++)
        {
            var ddx = x - glowX;
            glowColumns[x] = MathF.Exp(-ddx * ddx * invTwoSigma);
        }

        for (var y = 0; y < height; y++)
        {
            CheckRow(y, cancellationToken);
            var v = y / (float)height;
            var ddy = y - glowY;
            var glowRow = MathF.Exp(-ddy * ddy * invTwoSigma) * 0.55f;
            var t = v / horizon;
            var rowColour = t < 1 ? Rgb.Lerp(palette.SkyTop, palette.SkyHorizon, MathF.Pow(t, 1.4f)) : Rgb.Lerp(palette.SkyHorizon, bottom, Math.Min(1f, (t - 1) * 2));
            for (var x = 0; x < width; x++)
            {
                var colour = rowColour;
                if (style == SceneStyle.Orbs)
                {
                    var u = x / (float)width;
                    var d = Math.Clamp(0.5f + ((u - 0.5f) * dx + (v - 0.5f) * dy), 0f, 1f);
                    colour = d < 0.5f ? Rgb.Lerp(palette.SkyTop, palette.SkyHorizon, d * 2) : Rgb.Lerp(palette.SkyHorizon, bottom, (d - 0.5f) * 2);
                }

                Set(x, y, Rgb.Lerp(colour, palette.Glow, glowColumns[x] * glowRow));
            }
        }
    }

    private float Horizon => style == SceneStyle.Landscape ? 0.58f : 0.5f;

    // ---- pass 2: shapes -------------------------------------------------------------------

    private void PaintShapes(CancellationToken cancellationToken)
    {
        switch (style)
        {
            case SceneStyle.Landscape:
                PaintSun(cancellationToken);
                PaintLayers(cancellationToken, waves: false);
                break;
            case SceneStyle.Waves:
                PaintLayers(cancellationToken, waves: true);
                break;
            default:
                PaintOrbs(cancellationToken);
                break;
        }
    }

    private void PaintSun(CancellationToken cancellationToken)
    {
        var radius = rng.Range(0.05f, 0.1f) * Math.Min(width, height);
        var colour = Rgb.Lerp(palette.Glow, palette.Accent, palette.Night ? 0.1f : 0.35f);
        Disc(sunX, sunY, radius, radius * 0.08f + 1f, colour, 0.95f, shade: false, cancellationToken);
    }

    private void PaintLayers(CancellationToken cancellationToken, bool waves)
    {
        var count = waves ? 4 + rng.Next(3) : 3 + rng.Next(3);
        var ridge = new float[width];
        var start = waves ? 0.42f : Horizon - 0.12f;
        var spacing = (0.95f - start) / count;
        for (var layer = 0; layer < count; layer++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var baseline = (start + spacing * (layer + 0.6f)) * height;
            var amplitude = rng.Range(0.05f, waves ? 0.06f : 0.16f) * height * (waves ? 1f : 1f - layer * 0.12f);
            var frequency = rng.Range(1.5f, waves ? 4f : 5f);
            var phase = rng.Range(0f, MathF.PI * 2);
            var layerSeed = rng.NextUInt();
            for (var x = 0; x < width; x++)
            {
                var u = x / (float)width;
                ridge[x] = waves
                    ? baseline - amplitude * (MathF.Sin(u * frequency * MathF.PI * 2 + phase) * 0.7f + MathF.Sin(u * frequency * 4.3f + phase * 1.7f) * 0.3f)
                    : baseline - amplitude * (Noise.Fractal1D(u * frequency + layer * 7.3f, layerSeed, 5) * 2f - 0.6f);
            }

            var t = count == 1 ? 1f : layer / (float)(count - 1);
            var colour = Interpolate(palette.Layers, t);
            var haze = palette.SkyHorizon;
            var hazeAmount = (1 - t) * 0.45f;
            FillBelow(ridge, colour, haze, hazeAmount, cancellationToken);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillBelow(float[] ridge, Rgb colour, Rgb haze, float hazeAmount, CancellationToken cancellationToken)
    {
        var top = (int)Math.Max(0, MathF.Floor(ridge.Min()));
        var falloff = height * 0.08f;
        for (var y = top; y < height; y++)
        {
            CheckRow(y, cancellationToken);
            for (var x = 0; x < width; x++)
            {
                var coverage = Math.Clamp(y + 0.5f - ridge[x], 0f, 1f);
                if (coverage <= 0)
                {
                    continue;
                }

                var depth = (y - ridge[x]) / height;
                var shade = colour.Scale(1f - Math.Min(0.3f, depth * 0.6f));
                var mist = hazeAmount + (1 - hazeAmount) * 0.35f * MathF.Exp(-(y - ridge[x]) / falloff) * hazeAmount * 2;
                Blend(x, y, Rgb.Lerp(shade, haze, Math.Clamp(mist, 0f, 1f)), coverage);
            }
        }
    }

    private void PaintOrbs(CancellationToken cancellationToken)
    {
        var count = 5 + rng.Next(7);
        var minSide = Math.Min(width, height);
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var radius = rng.Range(0.05f, 0.28f) * minSide;
            var cx = rng.Range(-0.05f, 1.05f) * width;
            var cy = rng.Range(-0.05f, 1.05f) * height;
            var colour = rng.Next(3) switch
            {
                0 => palette.Accent,
                1 => palette.Glow,
                _ => palette.Layers[rng.Next(palette.Layers.Count)],
            };
            Disc(cx, cy, radius, radius * rng.Range(0.02f, 0.3f) + 1f, colour, rng.Range(0.35f, 0.85f), shade: true, cancellationToken);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Disc(float cx, float cy, float radius, float softness, Rgb colour, float alpha, bool shade, CancellationToken cancellationToken)
    {
        var x0 = Math.Max(0, (int)(cx - radius - softness));
        var x1 = Math.Min(width - 1, (int)(cx + radius + softness) + 1);
        var y0 = Math.Max(0, (int)(cy - radius - softness));
        var y1 = Math.Min(height - 1, (int)(cy + radius + softness) + 1);
        for (var y = y0; y <= y1; y++)
        {
            CheckRow(y, cancellationToken);
            for (var x = x0; x <= x1; x++)
            {
                var dx = x + 0.5f - cx;
                var dy = y + 0.5f - cy;
                var distance = MathF.Sqrt(dx * dx + dy * dy);
                var coverage = Math.Clamp((radius - distance) / softness + 0.5f, 0f, 1f);
                if (coverage <= 0)
                {
                    continue;
                }

                var c = shade ? colour.Scale(1.05f - 0.25f * Math.Clamp((dx + dy) / (radius * 1.6f) + 0.3f, 0f, 1f)) : colour;
                Blend(x, y, c, coverage * alpha);
            }
        }
    }

    // ---- pass 3: texture ------------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PaintTexture(CancellationToken cancellationToken, float amount)
    {
        var scale = 6f / Math.Min(width, height);
        var cloudScaleX = 2.5f / width;
        var cloudScaleY = 9f / height;
        var clouds = style == SceneStyle.Landscape && original is null;
        var horizonY = Horizon * height;
        var cloudColour = Rgb.Lerp(palette.Glow, palette.SkyHorizon, 0.4f);
        var light = NoiseField.Create(width, height, scale, scale, noiseSeed, 3);
        var cloud = clouds ? NoiseField.Create(width, height, cloudScaleX, cloudScaleY, noiseSeed ^ 0xA5A5A5A5u, 4) : null;
        for (var y = 0; y < height; y++)
        {
            CheckRow(y, cancellationToken);
            for (var x = 0; x < width; x++)
            {
                var j = (y * width + x) * 3;
                var factor = 1f + (light.At(x, y) - 0.5f) * 0.16f * amount;
                canvas[j] *= factor;
                canvas[j + 1] *= factor;
                canvas[j + 2] *= factor;
                if (cloud is not null && y < horizonY)
                {
                    var c = cloud.At(x, y);
                    var cover = SmoothStep(0.52f, 0.78f, c) * 0.5f * (1f - y / horizonY);
                    if (cover > 0)
                    {
                        Blend(x, y, cloudColour, cover);
                    }
                }
            }
        }
    }

    // ---- pass 4: details ------------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PaintDetails(CancellationToken cancellationToken, float amount)
    {
        var cx = width / 2f;
        var cy = height / 2f;
        var invMax = 1f / (cx * cx + cy * cy);
        var stars = palette.Night && original is null;
        var skyLimit = style == SceneStyle.Landscape ? Horizon * height : height;
        var grainSeed = noiseSeed ^ 0x5EED5EEDu;
        for (var y = 0; y < height; y++)
        {
            CheckRow(y, cancellationToken);
            for (var x = 0; x < width; x++)
            {
                var j = (y * width + x) * 3;
                if (stars && y < skyLimit)
                {
                    var h = Noise.Hash(x, y, grainSeed);
                    if ((h & 0xFFF) < 3)
                    {
                        var brightness = 0.5f + ((h >> 12) & 0xFF) / 510f;
                        Blend(x, y, palette.Glow, brightness);
                    }
                }

                var dx = x - cx;
                var dy = y - cy;
                var vignette = 1f - 0.28f * amount * MathF.Pow((dx * dx + dy * dy) * invMax, 1.5f);
                for (var c = 0; c < 3; c++)
                {
                    // A gentle S-curve for contrast, then the vignette.
                    var value = Math.Clamp(canvas[j + c], 0f, 1f);
                    var curved = value + 0.35f * amount * (SmoothStep(0f, 1f, value) - value);
                    canvas[j + c] = curved * vignette;
                }
            }
        }
    }

    // ---- variation passes -----------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Warp(CancellationToken cancellationToken)
    {
        var src = original!;
        var amplitude = 0.02f * strength * Math.Min(width, height);
        var scale = 2.5f / Math.Min(width, height);
        var fieldX = NoiseField.Create(width, height, scale, scale, noiseSeed, 2);
        var fieldY = NoiseField.Create(width, height, scale, scale, noiseSeed ^ 0x3C3C3C3Cu, 2);
        for (var y = 0; y < height; y++)
        {
            CheckRow(y, cancellationToken);
            for (var x = 0; x < width; x++)
            {
                var sx = x + (fieldX.At(x, y) - 0.5f) * 2 * amplitude;
                var sy = y + (fieldY.At(x, y) - 0.5f) * 2 * amplitude;
                Sample(src, sx, sy, canvas.AsSpan((y * width + x) * 3, 3));
            }
        }
    }

    private void Sample(float[] src, float x, float y, Span<float> target)
    {
        x = Math.Clamp(x, 0f, width - 1);
        y = Math.Clamp(y, 0f, height - 1);
        var x0 = (int)x;
        var y0 = (int)y;
        var x1 = Math.Min(x0 + 1, width - 1);
        var y1 = Math.Min(y0 + 1, height - 1);
        var tx = x - x0;
        var ty = y - y0;
        for (var c = 0; c < 3; c++)
        {
            var top = src[(y0 * width + x0) * 3 + c] * (1 - tx) + src[(y0 * width + x1) * 3 + c] * tx;
            var bottom = src[(y1 * width + x0) * 3 + c] * (1 - tx) + src[(y1 * width + x1) * 3 + c] * tx;
            target[c] = top + (bottom - top) * ty;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BlendNewLayer(CancellationToken cancellationToken)
    {
        var layer = new ProceduralRenderer(prompt, seed, width, height, null, 0f);
        layer.RunPass(0, cancellationToken);
        layer.RunPass(1, cancellationToken);
        var paint = layer.canvas;
        for (var y = 0; y < height; y++)
        {
            CheckRow(y, cancellationToken);
            for (var j = y * width * 3; j < (y + 1) * width * 3; j++)
            {
                var a = canvas[j];
                var b = paint[j];

                // Soft light keeps the picture's own light and shade; a little plain mix adds the new colours.
                var soft = b < 0.5f ? a - (1 - 2 * b) * a * (1 - a) : a + (2 * b - 1) * (MathF.Sqrt(a) - a);
                var mixed = a + (soft - a) * strength;
                canvas[j] = mixed + (b - mixed) * strength * 0.3f;
            }
        }
    }

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
