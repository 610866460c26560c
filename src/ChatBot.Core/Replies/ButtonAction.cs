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

    /// <summary>Confirm the cost of a job that waits for it: reserves its credits and queues it.</summary>
    Confirm,

    /// <summary>Post a result again with its buttons (from <c>/history</c>).</summary>
    Show,

    /// <summary>A result's details, to the member who asked only.</summary>
    Info,

    /// <summary>Vary with a high strength: further from the original.</summary>
    VaryStrong,

    /// <summary>Vary with a low strength: close to the original.</summary>
    VarySubtle,

    /// <summary>Zoom Out 1.5×: a canvas half as large again, filled around the picture.</summary>
    ZoomOut15,

    /// <summary>Zoom Out 2×: a canvas twice as wide and high.</summary>
    ZoomOut2,

    /// <summary>Pan: extend the picture on one side.</summary>
    PanLeft,
    PanRight,
    PanUp,
    PanDown,

    /// <summary>Re-roll keeping the seed (the same command, the same seed).</summary>
    SameSeed,
    /// <summary>Paint over part of a result and describe the change: an inpaint job on that area (the region editor).</summary>
    VaryRegion,
}
