namespace ChatBot.Providers.Local.Rendering;

/// <summary>Seeded value noise and fractal sums of it, in [0, 1].</summary>
internal static class Noise
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Value(float x, float y, uint seed)
    {
        var x0 = (int)MathF.Floor(x);
        var y0 = (int)MathF.Floor(y);
        var tx = Smooth(x - x0);
        var ty = Smooth(y - y0);
        var a = Lattice(x0, y0, seed);
        var b = Lattice(x0 + 1, y0, seed);
        var c = Lattice(x0, y0 + 1, seed);
        var d = Lattice(x0 + 1, y0 + 1, seed);
        var top = a + (b - a) * tx;
        var bottom = c + (d - c) * tx;
        return top + (bottom - top) * ty;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Fractal(float x, float y, uint seed, int octaves)
    {
        float sum = 0, amplitude = 0.5f, total = 0;
        for (var o = 0; o < octaves; o++)
        {
            sum += Value(x, y, seed + (uint)o * 1013) * amplitude;
            total += amplitude;
            x = x * 2.03f + 17.1f;
            y = y * 2.03f + 5.3f;
            amplitude *= 0.5f;
        }

        return sum / total;
    }

    public static float Fractal1D(float x, uint seed, int octaves) => Fractal(x, 0.5f, seed, octaves);

    /// <summary>A well-mixed hash of a lattice point, in [0, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Lattice(int x, int y, uint seed) => (Hash(x, y, seed) & 0xFFFFFF) / 16777215f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(int x, int y, uint seed)
    {
        var h = seed ^ ((uint)x * 0x27D4EB2Du) ^ ((uint)y * 0x165667B1u);
        h ^= h >> 15;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Smooth(float t) => t * t * (3 - 2 * t);
}
