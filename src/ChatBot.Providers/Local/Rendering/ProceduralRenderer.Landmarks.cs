namespace ChatBot.Providers.Local.Rendering;

/// <summary>
/// The landmarks a prompt names, painted over the shapes: a lighthouse on its rock (its beam lit at dusk and night),
/// a city skyline (lit windows after dark), pine trees in the foreground and falling snow. Simple silhouettes, so the
/// picture says "your words were read", not "this is AI".
/// </summary>
internal sealed partial class ProceduralRenderer
{
    private bool Dark => scene.Time is TimeOfDay.Dusk or TimeOfDay.Night || palette.Night;

    private Rgb Silhouette => palette.Layers[^1].Scale(Dark ? 0.55f : 0.8f);

    private void PaintLandmarks(CancellationToken cancellationToken)
    {
        if (scene.Has(SceneFeatures.Lighthouse))
        {
            PaintLighthouse(cancellationToken);
        }

        if (scene.Has(SceneFeatures.Trees))
        {
            PaintTrees(cancellationToken);
        }

        if (scene.Has(SceneFeatures.Snow))
        {
            PaintSnowfall(cancellationToken);
        }
    }

    private void PaintLighthouse(CancellationToken cancellationToken)
    {
        var side = Math.Min(width, height);
        var baseX = rng.Range(0.62f, 0.8f) * width;
        var baseY = (Horizon + 0.1f) * height;
        var rock = side * 0.16f;
        var tall = side * 0.34f;
        var (bottomHalf, topHalf) = (side * 0.035f, side * 0.024f);

        // The rock, then the tower in red and white bands, then the lantern.
        Polygon([new(baseX - rock, baseY + (side * 0.06f)), new(baseX - (rock * 0.45f), baseY - (side * 0.02f)), new(baseX + (rock * 0.5f), baseY - (side * 0.015f)), new(baseX + rock, baseY + (side * 0.06f))], Silhouette, 1f, cancellationToken);
        var top = baseY - tall;
        const int bands = 5;
        for (var band = 0; band < bands; band++)
        {
            var (y0, y1) = (baseY - (tall * band / bands), baseY - (tall * (band + 1) / bands));
            var (h0, h1) = (Lerp(bottomHalf, topHalf, band / (float)bands), Lerp(bottomHalf, topHalf, (band + 1) / (float)bands));
            var colour = band % 2 == 0 ? new Rgb(0.93f, 0.92f, 0.88f) : new Rgb(0.72f, 0.14f, 0.12f);
            Polygon([new(baseX - h0, y0), new(baseX - h1, y1), new(baseX + h1, y1), new(baseX + h0, y0)], Dark ? colour.Scale(0.6f) : colour, 1f, cancellationToken);
        }

        var lantern = new Rgb(1f, 0.92f, 0.6f);
        Polygon([new(baseX - topHalf, top), new(baseX - topHalf, top - (side * 0.035f)), new(baseX + topHalf, top - (side * 0.035f)), new(baseX + topHalf, top)], Dark ? lantern : lantern.Scale(0.75f), 1f, cancellationToken);
        Polygon([new(baseX - (topHalf * 1.3f), top - (side * 0.035f)), new(baseX, top - (side * 0.06f)), new(baseX + (topHalf * 1.3f), top - (side * 0.035f))], Silhouette, 1f, cancellationToken);
        if (Dark)
        {
            // The beam sweeps to the open sea, with a halo around the lantern.
            var (lx, ly) = (baseX, top - (side * 0.018f));
            Polygon([new(lx, ly - (side * 0.006f)), new(0, ly - (side * 0.09f)), new(0, ly + (side * 0.07f)), new(lx, ly + (side * 0.006f))], lantern, 0.22f, cancellationToken);
            Disc(lx, ly, side * 0.05f, side * 0.05f, lantern, 0.45f, shade: false, cancellationToken);
        }
    }

    private void PaintSkyline(CancellationToken cancellationToken)
    {
        var ground = Horizon * height;
        var x = -rng.Range(0f, 0.04f) * width;
        var window = new Rgb(1f, 0.85f, 0.45f);
        while (x < width)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var w = rng.Range(0.04f, 0.11f) * width;
            var h = rng.Range(0.08f, 0.32f) * height;
            var colour = Silhouette.Scale(rng.Range(0.85f, 1.1f));
            Polygon([new(x, height), new(x, ground - h), new(x + w, ground - h), new(x + w, height)], colour, 1f, cancellationToken);
            if (Dark)
            {
                var cell = Math.Max(4f, Math.Min(width, height) * 0.014f);
                for (var wy = ground - h + cell; wy < ground - cell; wy += cell * 2)
                {
                    for (var wx = x + cell; wx < x + w - cell; wx += cell * 2)
                    {
                        if (rng.Next(3) == 0)
                        {
                            Polygon([new(wx, wy + cell), new(wx, wy), new(wx + cell, wy), new(wx + cell, wy + cell)], window, 0.85f, cancellationToken);
                        }
                    }
                }
            }

            x += w + (rng.Range(0f, 0.015f) * width);
        }

        // The street in front of the buildings.
        Polygon([new(0, height), new(0, ground), new(width, ground), new(width, height)], palette.Layers[^1].Scale(0.5f), 1f, cancellationToken);
    }

    private void PaintTrees(CancellationToken cancellationToken)
    {
        var count = 6 + rng.Next(6);
        var side = Math.Min(width, height);
        var colour = scene.Has(SceneFeatures.Snow) ? new Rgb(0.16f, 0.3f, 0.24f) : Silhouette.Scale(0.8f);
        for (var i = 0; i < count; i++)
        {
            var foot = height * rng.Range(0.86f, 1.02f);
            var tall = side * rng.Range(0.16f, 0.34f);
            var cx = rng.Range(0f, 1f) * width;
            var half = tall * 0.22f;

            // A pine: three stacked triangles.
            for (var tier = 0; tier < 3; tier++)
            {
                var bottom = foot - (tall * tier * 0.28f);
                var spread = half * (1f - (tier * 0.25f));
                Polygon([new(cx - spread, bottom), new(cx, bottom - (tall * 0.5f)), new(cx + spread, bottom)], colour, 1f, cancellationToken);
            }
        }
    }

    private void PaintSnowfall(CancellationToken cancellationToken)
    {
        var count = (int)Math.Clamp(width * height / 6000L, 40, 600);
        var side = Math.Min(width, height);
        var flake = new Rgb(0.98f, 0.98f, 1f);
        for (var i = 0; i < count; i++)
        {
            var radius = side * rng.Range(0.0015f, 0.005f);
            Disc(rng.Range(0f, 1f) * width, rng.Range(0f, 1f) * height, radius, radius * 0.6f + 0.6f, flake, rng.Range(0.5f, 0.95f), shade: false, cancellationToken);
        }
    }

    /// <summary>Fills a convex polygon (points in either order around it), antialiased by the distance to its nearest edge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Polygon(ReadOnlySpan<(float X, float Y)> points, Rgb colour, float alpha, CancellationToken cancellationToken)
    {
        float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue, area = 0;
        for (var i = 0; i < points.Length; i++)
        {
            var (p, q) = (points[i], points[(i + 1) % points.Length]);
            (minX, minY, maxX, maxY) = (Math.Min(minX, p.X), Math.Min(minY, p.Y), Math.Max(maxX, p.X), Math.Max(maxY, p.Y));
            area += (p.X * q.Y) - (q.X * p.Y);
        }

        var winding = area >= 0 ? 1f : -1f;
        var (x0, x1) = (Math.Max(0, (int)minX - 1), Math.Min(width - 1, (int)maxX + 1));
        var (y0, y1) = (Math.Max(0, (int)minY - 1), Math.Min(height - 1, (int)maxY + 1));
        for (var y = y0; y <= y1; y++)
        {
            CheckRow(y, cancellationToken);
            for (var x = x0; x <= x1; x++)
            {
                var inside = float.MaxValue;
                for (var i = 0; i < points.Length; i++)
                {
                    var (p, q) = (points[i], points[(i + 1) % points.Length]);
                    var (ex, ey) = (q.X - p.X, q.Y - p.Y);
                    var length = MathF.Sqrt((ex * ex) + (ey * ey));
                    if (length > 0)
                    {
                        inside = Math.Min(inside, winding * ((ex * (y + 0.5f - p.Y)) - (ey * (x + 0.5f - p.X))) / length);
                    }
                }

                var coverage = Math.Clamp(inside + 0.5f, 0f, 1f);
                if (coverage > 0)
                {
                    Blend(x, y, colour, coverage * alpha);
                }
            }
        }
    }

    private static float Lerp(float a, float b, float t) => a + ((b - a) * t);
}
