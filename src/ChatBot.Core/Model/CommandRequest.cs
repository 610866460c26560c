namespace ChatBot.Core.Model;

/// <summary>A command from any platform, in the bot's own terms.</summary>
public sealed record CommandRequest(
    CommandKind Kind,
    Actor Actor,
    Conversation Conversation,
    CommandOptions Options,
    IReadOnlyList<MediaRef> Inputs,
    ReplyHandle Reply)
{
    /// <summary>The job whose result a button, reaction or context menu acts on.</summary>
    public string? SourceJobId { get; init; }

    /// <summary>Which output of <see cref="SourceJobId"/> (0-based) the action takes.</summary>
    public int? SourceOutputIndex { get; init; }

    /// <summary>Zoom Out / Pan: how far to extend the source result's canvas (pixels follow from its stored size).</summary>
    public OutpaintMargins? Outpaint { get; init; }

    /// <summary>Same seed: a re-roll that keeps the source job's seed instead of drawing a new one.</summary>
    public bool KeepSeed { get; init; }

    /// <summary>The raw command text, for logs and the job's record.</summary>
    public string? RawText { get; init; }
}
