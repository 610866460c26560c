namespace ChatBot.Providers.Local.Rendering;

/// <summary>
/// The colours of one picture, chosen from the prompt: colour and mood words steer the hue and
/// lightness, the rest of the prompt's hash picks a harmonious scheme, a time of day paints the sky
/// (violet over orange at dusk, peach at dawn, clear blue at noon, dark at night) and snow whitens the
/// ground. The seed only nudges it.
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

    public static Palette From(IReadOnlyCollection<string> words, ulong promptHash, ref SplitMix rng, PromptScene? scene = null)
    {
        var time = scene?.Time ?? TimeOfDay.Unset;
        var snow = scene?.Has(SceneFeatures.Snow) == true;
        var prompt = new SplitMix(promptHash);
        var hue = HueOf(words) ?? prompt.Range(0f, 360f);
        hue += rng.Range(-12f, 12f);
        var accentHue = hue + AccentOffsets[prompt.Next(AccentOffsets.Length)];
        var night = time == TimeOfDay.Night || words.Any(w => NightWords.Contains(w));
        var chroma = words.Any(w => VividWords.Contains(w)) ? 0.19f : words.Any(w => SoftWords.Contains(w)) ? 0.07f : 0.12f;

        var (skyTop, skyHorizon, glow) = time switch
        {
            TimeOfDay.Dusk => (Rgb.FromOklch(0.34f, 0.1f, 290f + rng.Range(-10f, 10f)), Rgb.FromOklch(0.74f, 0.15f, 50f + rng.Range(-8f, 8f)), Rgb.FromOklch(0.9f, 0.13f, 75f)),
            TimeOfDay.Dawn => (Rgb.FromOklch(0.74f, 0.06f, 255f), Rgb.FromOklch(0.87f, 0.08f, 25f + rng.Range(-8f, 8f)), Rgb.FromOklch(0.96f, 0.06f, 85f)),
            TimeOfDay.Noon => (Rgb.FromOklch(0.62f, 0.13f, 245f + rng.Range(-6f, 6f)), Rgb.FromOklch(0.9f, 0.05f, 225f), Rgb.FromOklch(0.99f, 0.03f, 95f)),
            TimeOfDay.Night => (Rgb.FromOklch(0.16f, 0.05f, 265f), Rgb.FromOklch(0.32f, 0.07f, 255f), Rgb.FromOklch(0.93f, 0.03f, 95f)),
            _ => (
                Rgb.FromOklch(night ? 0.2f : 0.55f, chroma * 0.9f, hue),
                Rgb.FromOklch(night ? 0.38f : 0.86f, chroma * 0.8f, accentHue),
                Rgb.FromOklch(night ? 0.9f : 0.95f, chroma * 0.7f, accentHue + 10f)),
        };
        var accent = Rgb.FromOklch(night ? 0.7f : 0.72f, chroma * 1.3f, accentHue);

        // Dusk and night turn the ground into silhouettes; snow makes it white with a cold tint.
        var (light, dark, layerChroma) = (time, snow) switch
        {
            (_, true) => (0.97f, night ? 0.55f : 0.78f, 0.025f),
            (TimeOfDay.Dusk or TimeOfDay.Night, _) => (night ? 0.3f : 0.42f, 0.1f, chroma * 0.8f),
            _ => (night ? 0.36f : 0.72f, night ? 0.1f : 0.28f, chroma),
        };

        const int layerCount = 5;
        var layers = new Rgb[layerCount];
        for (var i = 0; i < layerCount; i++)
        {
            var t = i / (float)(layerCount - 1);
            var lightness = light - ((light - dark) * t);
            layers[i] = Rgb.FromOklch(lightness, layerChroma * (0.6f + 0.6f * t), (snow ? 230f : hue) + 40f * t + rng.Range(-6f, 6f));
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
