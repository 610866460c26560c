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

    /// <summary>Continue a video result from its last frame (<c>/video --mode extend</c>).</summary>
    Extend,

    /// <summary>Paint over part of a result and describe the change: an inpaint job on that area (the region editor).</summary>
    VaryRegion,
}
