using System.Runtime.CompilerServices;

namespace ChatBot.Providers.Local.Rendering;

/// <summary>
/// A smooth noise field sampled on a coarse grid and read back with bilinear interpolation:
/// the fields the renderer uses vary over tens of pixels, so this looks the same as sampling
/// every pixel at a sixteenth of the cost.
/// </summary>
internal sealed class NoiseField
{
    private const int Step = 4;
    private readonly int columns;
    private readonly float[] samples;

    private NoiseField(int columns, float[] samples)
    {
        this.columns = columns;
        this.samples = samples;
    }

    /// <summary>Samples fractal noise at (x·scaleX, y·scaleY) for pixel positions of a width × height picture.</summary>
    public static NoiseField Create(int width, int height, float scaleX, float scaleY, uint seed, int octaves)
    {
        var sampleColumns = width / Step + 2;
        var sampleRows = height / Step + 2;
        var grid = new float[sampleColumns * sampleRows];
        for (var row = 0; row < sampleRows; row++)
        {
            for (var column = 0; column < sampleColumns; column++)
            {
                grid[row * sampleColumns + column] = Noise.Fractal(column * Step * scaleX, row * Step * scaleY, seed, octaves);
            }
        }

        return new NoiseField(sampleColumns, grid);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float At(int x, int y)
    {
        var cx = x / Step;
        var cy = y / Step;
        var tx = (x - cx * Step) * (1f / Step);
        var ty = (y - cy * Step) * (1f / Step);
        var i = cy * columns + cx;
        var top = samples[i] + (samples[i + 1] - samples[i]) * tx;
        var bottom = samples[i + columns] + (samples[i + columns + 1] - samples[i + columns]) * tx;
        return top + (bottom - top) * ty;
    }
}
