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
}
