namespace ChatBot.Core.Catalog;

/// <summary>A kind of work a provider does. Named in config/models.json in kebab-case.</summary>
public enum MediaOperation
{
    Imagine,
    Vary,
    Edit,
    Inpaint,
    Reframe,
    Upscale,
    RemoveBackground,
    Enhance,
    Control,
    Social,
    AlbumArt,
    Video,
    LipSync,
    Storyboard,
    VideoRemoveBackground,

    /// <summary>Replace what <c>--search</c> names with the prompt (<c>/edit --mode search-replace</c>).</summary>
    SearchReplace,

    /// <summary>Recolor what <c>--select</c> names as the prompt says (<c>/edit --mode recolor</c>).</summary>
    Recolor,

    /// <summary>Upscale a video (<c>/upscale</c> with a video, or the Upscale button under a video result).</summary>
    VideoUpscale,
}
