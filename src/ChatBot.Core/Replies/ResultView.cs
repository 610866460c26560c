namespace ChatBot.Core.Replies;

/// <summary>The finished job: its outputs and the buttons that act on them.</summary>
public sealed record ResultView
{
    public required string JobId { get; init; }
    public required string Title { get; init; }

    /// <summary>Details line: model, provider, seed, cost, elapsed.</summary>
    public string Details { get; init; } = "";
    public string ModelLabel { get; init; } = "";
    public long CreditsCharged { get; init; }
    public TimeSpan Elapsed { get; init; }
    public IReadOnlyList<ReplyFile> Files { get; init; } = [];
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];
}
