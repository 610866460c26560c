namespace ChatBot.Core.Replies;

/// <summary>
/// A job's reply while it is not finished, or when it ended without a result.
/// Platform-neutral: each adapter renders it natively.
/// </summary>
public sealed record ReplyView
{
    public required string JobId { get; init; }
    public required ReplyStatus Status { get; init; }

    /// <summary>One-line headline, e.g. "🎨 a lighthouse at dusk".</summary>
    public required string Title { get; init; }

    /// <summary>The status line, e.g. "Queued — 3rd in line" or the failure message.</summary>
    public string StatusText { get; init; } = "";

    public int? QueuePosition { get; init; }
    public int? QueueLength { get; init; }

    /// <summary>0–100 when known.</summary>
    public double? Progress { get; init; }
    public TimeSpan Elapsed { get; init; }
    public TimeSpan? Eta { get; init; }

    /// <summary>A queued job: the estimated time until it starts, from the jobs ahead of it and their models' recent durations.</summary>
    public TimeSpan? Wait { get; init; }

    /// <summary>Model and provider shown to the member.</summary>
    public string ModelLabel { get; init; } = "";
    public ReplyFile? Preview { get; init; }

    /// <summary>Who asked, by display name (Slack slash commands are invisible to the channel).</summary>
    public string RequestedBy { get; init; } = "";
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    /// <summary>A sequence number that grows with every new state; adapters may use it to drop stale edits.</summary>
    public long Revision { get; init; }

    public bool IsFinal => Status is ReplyStatus.Succeeded or ReplyStatus.Failed or ReplyStatus.Refused or ReplyStatus.Cancelled;
}
