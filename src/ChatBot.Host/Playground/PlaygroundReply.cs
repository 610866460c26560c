using System.Text.Json.Serialization;
using ChatBot.Core.Replies;

namespace ChatBot.Host.Playground;

/// <summary>One bot reply in the Playground channel, with the message that caused it. Immutable; the store swaps whole values.</summary>
internal sealed record PlaygroundReply
{
    public required string Id { get; init; }

    /// <summary>Display name of the member who wrote the message (empty for a reply re-created after a restart).</summary>
    public string User { get; init; } = "";

    /// <summary>The member's message text.</summary>
    public string Message { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public ReplyStatus Status { get; init; } = ReplyStatus.Queued;
    public string Title { get; init; } = "";
    public string Text { get; init; } = "";
    public int? QueuePosition { get; init; }
    public int? QueueLength { get; init; }
    public double? Progress { get; init; }
    public TimeSpan? Eta { get; init; }
    public TimeSpan? Elapsed { get; init; }
    public string ModelLabel { get; init; } = "";
    public PlaygroundFile? Preview { get; init; }
    public IReadOnlyList<PlaygroundFile> Files { get; init; } = [];

    /// <summary>Several images as one numbered picture; the page shows it, and the single files on click.</summary>
    public PlaygroundFile? Grid { get; init; }

    /// <summary>A queued job's estimated wait until it starts.</summary>
    public TimeSpan? Wait { get; init; }
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];
    public string? JobId { get; init; }

    /// <summary>Shown only to the member who asked (the Playground's page honours it; it is not a security boundary).</summary>
    public bool Ephemeral { get; init; }

    /// <summary>The engine's <see cref="ReplyView.Revision"/> last applied, to drop stale edits.</summary>
    public long ViewRevision { get; init; } = -1;

    /// <summary>Grows with every change of any reply in the store; the events carry it.</summary>
    public long Revision { get; init; }

    [JsonIgnore]
    public bool IsFinal => Status is not (ReplyStatus.Queued or ReplyStatus.Running);
}
