namespace ChatBot.Core.Catalog;

/// <summary>
/// The names of the parameters in config/models.json: the flag members type (<c>--ar</c>, <c>--cfg</c>), one name
/// per parameter. Other spellings of a flag (<c>--aspect</c>, <c>--cfgScale</c>) are read as that name.
/// </summary>
public static class ParameterNames
{
    public const string AspectRatio = "ar";
    public const string Resolution = "res";
    public const string Duration = "duration";
    public const string UpscaleFactor = "factor";
    public const string Seed = "seed";
    public const string NegativePrompt = "no";
    public const string Strength = "strength";
    public const string Style = "style";
    public const string Template = "template";
    public const string Mode = "mode";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["aspect"] = AspectRatio,
        ["resolution"] = Resolution,
        ["d"] = Duration,
        ["x"] = UpscaleFactor,
        ["scale"] = UpscaleFactor,
        ["neg"] = NegativePrompt,
        ["negative"] = NegativePrompt,
        ["cfgscale"] = "cfg",
        ["cfg_scale"] = "cfg",
        ["rendering_speed"] = "speed",
        ["outputformat"] = "format",
        ["output_format"] = "format",
        ["imagesize"] = "image-size",
        ["image_size"] = "image-size",
        ["enablepromptexpansion"] = "expand",
        ["enhance_prompt"] = "expand",
        ["enhance"] = "expand",
        ["withaudio"] = "audio",
        ["audioduration"] = "audio-duration",
        ["guidance_scale"] = "guidance",
        ["operation"] = "op",
        ["platform"] = "platforms",
        ["format_names"] = "formats",
        ["focal_point"] = "focus",
        ["safe_zones"] = "safe-zones",
        ["lora"] = "loras",
        ["crop_mode"] = "crop",
        ["change_strength"] = "change",
        ["composition_fidelity"] = "composition",
    };

    /// <summary>The catalog name of a flag as typed ("cfgScale" → "cfg", "Steps" → "steps").</summary>
    public static string Canonical(string flag) => Aliases.TryGetValue(flag, out var name) ? name : flag.ToLowerInvariant();
}
