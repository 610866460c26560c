namespace ChatBot.Providers.Local.Rendering;

/// <summary>
/// What a prompt's words say about the picture, read from a short list of words (still not AI): the composition
/// ("sea", "mountain", "city"), the time of day ("dusk", "night", "dawn", "noon") and landmarks ("lighthouse",
/// "forest", "snow"). A prompt that names none of them leaves the choice to its hash, as before.
/// </summary>
internal sealed record PromptScene(SceneStyle? Style, TimeOfDay Time, SceneFeatures Features)
{
    private static readonly string[] SeaWords = ["ocean", "sea", "seaside", "coast", "beach", "harbor", "harbour", "bay", "lighthouse", "wave", "waves", "water", "river", "lake", "flow", "surf", "tide"];
    private static readonly string[] LandscapeWords = ["mountain", "mountains", "landscape", "valley", "hills", "hill", "forest", "woods", "desert", "canyon", "horizon", "peaks", "snow", "snowy", "field", "meadow"];
    private static readonly string[] CityWords = ["city", "town", "skyline", "street", "buildings", "downtown", "metropolis", "skyscraper", "skyscrapers"];
    private static readonly string[] OrbWords = ["bubble", "bubbles", "orb", "orbs", "planet", "planets", "abstract", "circle", "circles", "balloon", "bokeh"];

    private static readonly (string[] Words, TimeOfDay Time)[] TimeWords =
    [
        (["dusk", "sunset", "evening", "twilight", "golden-hour"], TimeOfDay.Dusk),
        (["dawn", "sunrise", "morning", "daybreak"], TimeOfDay.Dawn),
        (["noon", "midday", "daytime", "sunny", "afternoon"], TimeOfDay.Noon),
        (["night", "midnight", "moon", "moonlight", "moonlit", "starry", "stars"], TimeOfDay.Night),
    ];

    private static readonly (string[] Words, SceneFeatures Feature)[] FeatureWords =
    [
        (["lighthouse", "lighthouses", "beacon"], SceneFeatures.Lighthouse),
        (["forest", "woods", "tree", "trees", "pine", "pines", "jungle"], SceneFeatures.Trees),
        (["snow", "snowy", "snowfall", "blizzard", "winter", "frozen"], SceneFeatures.Snow),
    ];

    public static PromptScene Read(IReadOnlyCollection<string> words)
    {
        var time = TimeWords.FirstOrDefault(t => words.Any(t.Words.Contains)).Time;
        var features = SceneFeatures.None;
        foreach (var (candidates, feature) in FeatureWords)
        {
            if (words.Any(candidates.Contains))
            {
                features |= feature;
            }
        }

        SceneStyle? style = words.Any(CityWords.Contains) ? SceneStyle.City
            : words.Any(SeaWords.Contains) ? SceneStyle.Waves
            : words.Any(LandscapeWords.Contains) ? SceneStyle.Landscape
            : words.Any(OrbWords.Contains) ? SceneStyle.Orbs
            : time != TimeOfDay.Unset ? SceneStyle.Landscape // a time of day reads best over a horizon
            : null;
        return new PromptScene(style, time, features);
    }

    public bool Has(SceneFeatures feature) => (Features & feature) == feature;
}
