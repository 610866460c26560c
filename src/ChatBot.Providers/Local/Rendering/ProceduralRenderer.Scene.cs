namespace ChatBot.Providers.Local.Rendering;

/// <summary>The first two passes: the sky and ground (base colours), then the composition's shapes.</summary>
internal sealed partial class ProceduralRenderer
{
    // ---- pass 1: base colours -------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PaintBase(CancellationToken cancellationToken)
    {
        var angle = style == SceneStyle.Orbs ? rng.Range(0f, MathF.PI * 2) : MathF.PI / 2;
        var dx = MathF.Cos(angle);
        var dy = MathF.Sin(angle);
        var horizon = Horizon;
        var glowX = rng.Range(0.2f, 0.8f) * width;
        var glowY = SunHeight(horizon) * height;
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

    private float Horizon => style switch
    {
        SceneStyle.Landscape or SceneStyle.City => 0.58f,
        SceneStyle.Waves when scene.Time != TimeOfDay.Unset || scene.Has(SceneFeatures.Lighthouse) => 0.52f,
        _ => 0.5f,
    };

    /// <summary>Where the sun (or moon) sits, as a share of the height: low at dusk and dawn, high at noon.</summary>
    private float SunHeight(float horizon) => scene.Time switch
    {
        TimeOfDay.Dusk or TimeOfDay.Dawn => horizon * rng.Range(0.78f, 0.92f),
        TimeOfDay.Noon => rng.Range(0.1f, 0.2f),
        TimeOfDay.Night => rng.Range(0.12f, 0.3f),
        _ => style is SceneStyle.Landscape or SceneStyle.City ? horizon * rng.Range(0.55f, 0.9f) : rng.Range(0.2f, 0.8f),
    };

    // ---- pass 2: shapes -------------------------------------------------------------------

    private void PaintShapes(CancellationToken cancellationToken)
    {
        switch (style)
        {
            case SceneStyle.Landscape:
                PaintSun(cancellationToken);
                PaintLayers(cancellationToken, waves: false);
                break;
            case SceneStyle.City:
                PaintSun(cancellationToken);
                PaintSkyline(cancellationToken);
                break;
            case SceneStyle.Waves:
                if (scene.Time != TimeOfDay.Unset || scene.Has(SceneFeatures.Lighthouse))
                {
                    PaintSun(cancellationToken); // a sea with a horizon and a sky over it
                }

                PaintLayers(cancellationToken, waves: true);
                break;
            default:
                PaintOrbs(cancellationToken);
                break;
        }

        PaintLandmarks(cancellationToken);
    }

    private void PaintSun(CancellationToken cancellationToken)
    {
        var radius = rng.Range(0.05f, 0.1f) * Math.Min(width, height);
        // A named time of day has its own light: the sun (or moon) takes the sky's glow, not the prompt's accent.
        var colour = Rgb.Lerp(palette.Glow, palette.Accent, palette.Night || scene.Time != TimeOfDay.Unset ? 0.1f : 0.35f);
        Disc(sunX, sunY, radius, radius * 0.08f + 1f, colour, 0.95f, shade: false, cancellationToken);
    }

    private void PaintLayers(CancellationToken cancellationToken, bool waves)
    {
        var count = waves ? 4 + rng.Next(3) : 3 + rng.Next(3);
        var ridge = new float[width];
        var start = waves ? Horizon - 0.08f : Horizon - 0.12f;
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
}
