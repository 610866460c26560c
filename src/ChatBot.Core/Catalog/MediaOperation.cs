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
}
