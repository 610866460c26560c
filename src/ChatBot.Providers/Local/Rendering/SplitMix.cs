namespace ChatBot.Providers.Local.Rendering;

/// <summary>
/// A small deterministic random generator (SplitMix64). Our own, so the same prompt and seed
/// give the same picture whatever the runtime's <see cref="Random"/> does.
/// </summary>
internal struct SplitMix(ulong state)
{
    private ulong state = state;

    public ulong NextULong()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A float in [0, 1).</summary>
    public float NextFloat() => (NextULong() >> 40) / (float)(1UL << 24);

    public float Range(float min, float max) => min + (max - min) * NextFloat();

    public int Next(int maxExclusive) => (int)(NextULong() % (ulong)maxExclusive);

    public uint NextUInt() => (uint)(NextULong() >> 32);

    /// <summary>A stable 64-bit hash of a string (FNV-1a over UTF-16 code units, then mixed).</summary>
    public static ulong Hash(string text)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return new SplitMix(h).NextULong();
    }
}
