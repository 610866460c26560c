namespace ChatBot.Providers.Local.Imaging;

/// <summary>
/// Extends a picture to another aspect ratio from its own edges: the new margins mirror the
/// picture, then blur more the further they are from it, so the original stays untouched in
/// the centre and the border fades into soft colour.
/// </summary>
internal sealed class Reframer
{
    private readonly RgbaImage source;
    private readonly int offsetX;
    private readonly int offsetY;

    public Reframer(RgbaImage source, double ratio)
    {
        this.source = source;
        (var width, var height) = TargetSize(source.Width, source.Height, ratio);
        Output = new RgbaImage(width, height);
        offsetX = (width - source.Width) / 2;
        offsetY = (height - source.Height) / 2;
    }

    /// <summary>A canvas extended by the given margins in pixels (Zoom Out, Pan), the picture at their offset.</summary>
    public Reframer(RgbaImage source, (int Left, int Right, int Up, int Down) margins)
    {
        this.source = source;
        Output = new RgbaImage(source.Width + margins.Left + margins.Right, source.Height + margins.Up + margins.Down);
        offsetX = margins.Left;
        offsetY = margins.Up;
    }

    public RgbaImage Output { get; }

    /// <summary>The smallest canvas with the ratio that still holds the whole picture.</summary>
    public static (int Width, int Height) TargetSize(int width, int height, double ratio)
    {
        var current = (double)width / height;
        return ratio >= current
            ? (Math.Max(width, (int)Math.Round(height * ratio)), height)
            : (width, Math.Max(height, (int)Math.Round(width / ratio)));
    }

    /// <summary>Pass 1: the picture in the middle, its mirror images around it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Mirror(CancellationToken cancellationToken)
    {
        for (var y = 0; y < Output.Height; y++)
        {
            if ((y & 31) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var sy = Reflect(y - offsetY, source.Height);
            var target = Output.Row(y);
            var row = source.Row(sy);
            for (var x = 0; x < Output.Width; x++)
            {
                var sx = Reflect(x - offsetX, source.Width);
                row.Slice(sx * 4, 4).CopyTo(target.Slice(x * 4, 4));
            }
        }
    }

    /// <summary>Pass 2: blur the margins, more with distance, leaving the original pixels alone.</summary>
    public void Blur(CancellationToken cancellationToken)
    {
        if (Output.Width == source.Width && Output.Height == source.Height)
        {
            return;
        }

        var maxRadius = Math.Max(4, Math.Min(source.Width, source.Height) / 6);
        BlurAxis(horizontal: true, maxRadius, cancellationToken);
        BlurAxis(horizontal: false, maxRadius, cancellationToken);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BlurAxis(bool horizontal, int maxRadius, CancellationToken cancellationToken)
    {
        var pixels = Output.Pixels;
        var width = Output.Width;
        var lines = horizontal ? Output.Height : width;
        var length = horizontal ? width : Output.Height;
        var prefix = new long[(length + 1) * 4];
        for (var l = 0; l < lines; l++)
        {
            if ((l & 31) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (var i = 0; i < length; i++)
            {
                var p = Index(horizontal, l, i, width);
                for (var c = 0; c < 4; c++)
                {
                    prefix[(i + 1) * 4 + c] = prefix[i * 4 + c] + pixels[p + c];
                }
            }

            for (var i = 0; i < length; i++)
            {
                var (x, y) = horizontal ? (i, l) : (l, i);
                var distance = DistanceOutside(x, y);
                if (distance == 0)
                {
                    continue;
                }

                var radius = Math.Min(maxRadius, 1 + distance / 3);
                var from = Math.Max(0, i - radius);
                var to = Math.Min(length - 1, i + radius);
                var count = to - from + 1;
                var p = Index(horizontal, l, i, width);
                for (var c = 0; c < 4; c++)
                {
                    pixels[p + c] = (byte)((prefix[(to + 1) * 4 + c] - prefix[from * 4 + c] + count / 2) / count);
                }
            }
        }
    }

    private static int Index(bool horizontal, int line, int i, int width) =>
        horizontal ? (line * width + i) * 4 : (i * width + line) * 4;

    private int DistanceOutside(int x, int y)
    {
        var dx = Math.Max(Math.Max(offsetX - x, x - (offsetX + source.Width - 1)), 0);
        var dy = Math.Max(Math.Max(offsetY - y, y - (offsetY + source.Height - 1)), 0);
        return Math.Max(dx, dy);
    }

    /// <summary>Mirror indexing that keeps reflecting when the margin is wider than the picture.</summary>
    private static int Reflect(int i, int size)
    {
        var period = size * 2;
        var m = ((i % period) + period) % period;
        return m < size ? m : period - 1 - m;
    }
}
