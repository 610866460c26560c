namespace ChatBot.Providers.Local.Rendering;

/// <summary>The last two passes (texture, details) and the passes that turn a picture into a variation of itself.</summary>
internal sealed partial class ProceduralRenderer
{
    // ---- pass 3: texture ------------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PaintTexture(CancellationToken cancellationToken, float amount)
    {
        var scale = 6f / Math.Min(width, height);
        var cloudScaleX = 2.5f / width;
        var cloudScaleY = 9f / height;
        var clouds = style is (SceneStyle.Landscape or SceneStyle.City) && original is null && scene.Time != TimeOfDay.Night;
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
        var skyLimit = style is (SceneStyle.Landscape or SceneStyle.City or SceneStyle.Waves) ? Horizon * height : height;
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
}
