namespace ChatBot.Core.Replies;

/// <summary>What a button under a reply does.</summary>
public enum ButtonAction
{
    Upscale,
    Vary,
    Reroll,
    Animate,
    RemoveBackground,
    Edit,
    Cancel,
    SaveToGallery,
}
