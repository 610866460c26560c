namespace ChatBot.Providers.Local.Rendering;

/// <summary>
/// The colours of one picture, chosen from the prompt: colour and mood words steer the hue and
/// lightness, the rest of the prompt's hash picks a harmonious scheme. The seed only nudges it.
/// </summary>
internal sealed record Palette(Rgb SkyTop, Rgb SkyHorizon, Rgb Glow, Rgb Accent, IReadOnlyList<Rgb> Layers, bool Night)
{
    private static readonly (string[] Words, float Hue)[] HueWords =
    [
        (["red", "crimson", "blood", "ruby", "rose", "cherry"], 25f),
        (["orange", "fox", "autumn", "amber", "sunset", "fire", "flame", "copper"], 50f),
        (["yellow", "gold", "golden", "sun", "sunny", "desert", "sand", "honey", "lemon"], 90f),
        (["green", "forest", "jungle", "leaf", "moss", "grass", "meadow", "emerald"], 145f),
        (["teal", "ocean", "sea", "lagoon", "mint", "turquoise", "tropical"], 195f),
        (["blue", "sky", "ice", "water", "winter", "snow", "frozen", "river", "lake"], 250f),
        (["purple", "violet", "lavender", "dream", "magic", "amethyst", "galaxy"], 300f),
        (["pink", "magenta", "candy", "sakura", "blossom", "flamingo"], 345f),
    ];

    private static readonly string[] NightWords = ["night", "dark", "midnight", "space", "moon", "star", "stars", "starry", "galaxy", "cosmic", "shadow"];
    private static readonly string[] SoftWords = ["pastel", "soft", "misty", "fog", "foggy", "dream", "gentle", "calm"];
    private static readonly string[] VividWords = ["neon", "cyber", "cyberpunk", "vivid", "electric", "bright", "psychedelic"];
    private static readonly float[] AccentOffsets = [30f, 150f, 180f, 210f, -40f, 60f];

    public static Palette From(IReadOnlyCollection<string> words, ulong promptHash, ref SplitMix rng)
    {
        var prompt = new SplitMix(promptHash);
        var hue = HueOf(words) ?? prompt.Range(0f, 360f);
        hue += rng.Range(-12f, 12f);
        var accentHue = hue + AccentOffsets[prompt.Next(AccentOffsets.Length)];
        var night = words.Any(w => NightWords.Contains(w));
        var chroma = words.Any(w => VividWords.Contains(w)) ? 0.19f : words.Any(w => SoftWords.Contains(w)) ? 0.07f : 0.12f;

        var skyTop = Rgb.FromOklch(night ? 0.2f : 0.55f, chroma * 0.9f, hue);
        var skyHorizon = Rgb.FromOklch(night ? 0.38f : 0.86f, chroma * 0.8f, accentHue);
        var glow = Rgb.FromOklch(night ? 0.9f : 0.95f, chroma * 0.7f, accentHue + 10f);
        var accent = Rgb.FromOklch(night ? 0.7f : 0.72f, chroma * 1.3f, accentHue);

        const int layerCount = 5;
        var layers = new Rgb[layerCount];
        for (var i = 0; i < layerCount; i++)
        {
            var t = i / (float)(layerCount - 1);
            var lightness = night ? 0.36f - 0.26f * t : 0.72f - 0.44f * t;
            layers[i] = Rgb.FromOklch(lightness, chroma * (0.6f + 0.6f * t), hue + 40f * t + rng.Range(-6f, 6f));
        }

        return new Palette(skyTop, skyHorizon, glow, accent, layers, night);
    }

    private static float? HueOf(IReadOnlyCollection<string> words)
    {
        foreach (var word in words)
        {
            foreach (var (candidates, hue) in HueWords)
            {
                if (candidates.Contains(word))
                {
                    return hue;
                }
            }
        }

        return null;
    }
}
