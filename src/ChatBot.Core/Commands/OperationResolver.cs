using ChatBot.Core.Catalog;


namespace ChatBot.Core.Commands;

/// <summary>Maps a command (and its <c>--mode</c>) to the provider operation it needs.</summary>
internal static class OperationResolver
{
    public static MediaOperation? Resolve(CommandKind kind, string? mode, bool hasMask, bool hasVideo = false) => kind switch
    {
        CommandKind.Upscale when hasVideo => MediaOperation.VideoUpscale,
        CommandKind.Imagine => mode is "album-art" or "album" ? MediaOperation.AlbumArt : MediaOperation.Imagine,
        CommandKind.Vary => MediaOperation.Vary,
        CommandKind.Upscale => mode is "enhance" ? MediaOperation.Enhance : MediaOperation.Upscale,
        CommandKind.RemoveBackground => MediaOperation.RemoveBackground,
        CommandKind.Video or CommandKind.Animate => mode switch
        {
            "lipsync" or "lip-sync" => MediaOperation.LipSync,
            "storyboard" => MediaOperation.Storyboard,
            "remove-background" or "remove-bg" => MediaOperation.VideoRemoveBackground,
            _ => MediaOperation.Video,
        },
        CommandKind.Edit => mode switch
        {
            null or "" or "edit" => hasMask ? MediaOperation.Inpaint : MediaOperation.Edit,
            "inpaint" => MediaOperation.Inpaint,
            "reframe" or "outpaint" or "expand" => MediaOperation.Reframe,
            "remove-background" or "remove-bg" or "bg" => MediaOperation.RemoveBackground,
            "enhance" => MediaOperation.Enhance,
            "social" => MediaOperation.Social,
            "search-replace" or "replace" => MediaOperation.SearchReplace,
            "recolor" or "search-recolor" => MediaOperation.Recolor,
            "control" or "sketch" or "structure" or "style" or "style-transfer" => MediaOperation.Control,
            _ => null,
        },
        _ => null,
    };

    public static bool NeedsPrompt(MediaOperation op) =>
        op is MediaOperation.Imagine or MediaOperation.Edit or MediaOperation.Inpaint or MediaOperation.Control or MediaOperation.AlbumArt or MediaOperation.Storyboard
            or MediaOperation.SearchReplace or MediaOperation.Recolor;

    /// <summary>The flag an operation cannot do without besides the prompt, and what it says (null: none).</summary>
    public static (string Flag, string Means)? RequiredFlag(MediaOperation op) => op switch
    {
        MediaOperation.SearchReplace => ("search", "what to replace"),
        MediaOperation.Recolor => ("select", "what to recolor"),
        _ => null,
    };

    public static bool NeedsImage(MediaOperation op) =>
        op is not (MediaOperation.Imagine or MediaOperation.AlbumArt or MediaOperation.Video or MediaOperation.Storyboard or MediaOperation.VideoUpscale);
}
