using System.Runtime.CompilerServices;

namespace ChatBot.Providers.Local;

/// <summary>
/// Separable bicubic (Catmull-Rom) resampling, widened into a proper low-pass filter when shrinking.
/// Output rows are produced in bands (<see cref="ProcessRows"/>) so callers can report progress and
/// stop between bands; only the input rows the current band needs are kept filtered in memory.
/// </summary>
internal sealed class Resampler
{
    private readonly RgbaImage source;
    private readonly Axis horizontal;
    private readonly Axis vertical;
    private readonly bool premultiply;
    private readonly float[]?[] filteredRows;
    private int lowestKeptRow;

    public Resampler(RgbaImage source, int width, int height)
    {
        this.source = source;
        Output = new RgbaImage(width, height);
        horizontal = new Axis(source.Width, width);
        vertical = new Axis(source.Height, height);
        premultiply = !source.IsOpaque();
        filteredRows = new float[]?[source.Height];
    }

    public RgbaImage Output { get; }

    public static RgbaImage Resize(RgbaImage source, int width, int height, CancellationToken cancellationToken = default)
    {
        if (source.Width == width && source.Height == height)
        {
            return new RgbaImage(width, height, (byte[])source.Pixels.Clone());
        }

        var resampler = new Resampler(source, width, height);
        resampler.ProcessRows(0, height, cancellationToken);
        return resampler.Output;
    }

    /// <summary>Computes output rows [<paramref name="fromRow"/>, <paramref name="toRow"/>), in increasing order over calls.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ProcessRows(int fromRow, int toRow, CancellationToken cancellationToken)
    {
        var width = Output.Width;
        var sum = new float[width * 4];
        for (var y = fromRow; y < toRow; y++)
        {
            if ((y & 15) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Array.Clear(sum);
            var taps = vertical.Taps(y, out var indices, out var weights);
            var minRow = int.MaxValue;
            for (var t = 0; t < taps; t++)
            {
                minRow = Math.Min(minRow, indices[t]);
                var row = FilteredRow(indices[t]);
                var w = weights[t];
                for (var i = 0; i < sum.Length; i++)
                {
                    sum[i] += row[i] * w;
                }
            }

            Release(minRow);
            WriteRow(sum, Output.Row(y));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteRow(float[] sum, Span<byte> target)
    {
        for (var i = 0; i < sum.Length; i += 4)
        {
            var a = Math.Clamp(sum[i + 3], 0f, 255f);
            var scale = premultiply ? (a > 0.5f ? 255f / a : 0f) : 1f;
            target[i] = ToByte(sum[i] * scale);
            target[i + 1] = ToByte(sum[i + 1] * scale);
            target[i + 2] = ToByte(sum[i + 2] * scale);
            target[i + 3] = ToByte(a);
        }
    }

    private static byte ToByte(float value) => (byte)Math.Clamp((int)(value + 0.5f), 0, 255);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private float[] FilteredRow(int y)
    {
        if (filteredRows[y] is { } cached)
        {
            return cached;
        }

        var src = source.Row(y);
        var row = new float[Output.Width * 4];
        for (var x = 0; x < Output.Width; x++)
        {
            var taps = horizontal.Taps(x, out var indices, out var weights);
            float r = 0, g = 0, b = 0, a = 0;
            for (var t = 0; t < taps; t++)
            {
                var s = indices[t] * 4;
                var w = weights[t];
                float alpha = src[s + 3];
                var factor = premultiply ? w * alpha / 255f : w;
                r += src[s] * factor;
                g += src[s + 1] * factor;
                b += src[s + 2] * factor;
                a += alpha * w;
            }

            row[x * 4] = r;
            row[x * 4 + 1] = g;
            row[x * 4 + 2] = b;
            row[x * 4 + 3] = a;
        }

        filteredRows[y] = row;
        return row;
    }

    private void Release(int belowRow)
    {
        for (; lowestKeptRow < belowRow; lowestKeptRow++)
        {
            filteredRows[lowestKeptRow] = null;
        }
    }

    /// <summary>Precomputed taps of one axis: for each output coordinate, source indices and weights.</summary>
    private sealed class Axis
    {
        private readonly int maxTaps;
        private readonly int[] counts;
        private readonly int[] indices;
        private readonly float[] weights;

        public Axis(int sourceSize, int targetSize)
        {
            var scale = (double)sourceSize / targetSize;
            var filterScale = Math.Max(1.0, scale);
            var support = 2.0 * filterScale;
            maxTaps = (int)Math.Ceiling(support * 2) + 1;
            counts = new int[targetSize];
            indices = new int[targetSize * maxTaps];
            weights = new float[targetSize * maxTaps];
            for (var o = 0; o < targetSize; o++)
            {
                var center = (o + 0.5) * scale - 0.5;
                var first = (int)Math.Floor(center - support) + 1;
                var last = (int)Math.Floor(center + support);
                var n = 0;
                var total = 0.0;
                var baseIndex = o * maxTaps;
                for (var i = first; i <= last && n < maxTaps; i++)
                {
                    var w = CatmullRom((i - center) / filterScale);
                    if (w == 0)
                    {
                        continue;
                    }

                    indices[baseIndex + n] = Math.Clamp(i, 0, sourceSize - 1);
                    weights[baseIndex + n] = (float)w;
                    total += w;
                    n++;
                }

                for (var k = 0; k < n; k++)
                {
                    weights[baseIndex + k] = (float)(weights[baseIndex + k] / total);
                }

                counts[o] = n;
            }
        }

        public int Taps(int output, out ReadOnlySpan<int> tapIndices, out ReadOnlySpan<float> tapWeights)
        {
            var n = counts[output];
            tapIndices = indices.AsSpan(output * maxTaps, n);
            tapWeights = weights.AsSpan(output * maxTaps, n);
            return n;
        }

        private static double CatmullRom(double x)
        {
            x = Math.Abs(x);
            return x switch
            {
                < 1 => 1.5 * x * x * x - 2.5 * x * x + 1,
                < 2 => -0.5 * x * x * x + 2.5 * x * x - 4 * x + 2,
                _ => 0,
            };
        }
    }
}
