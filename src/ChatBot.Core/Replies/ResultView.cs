namespace ChatBot.Core.Replies;

/// <summary>The finished job: its outputs and the buttons that act on them.</summary>
public sealed record ResultView
{
    public required string JobId { get; init; }
    public required string Title { get; init; }

    /// <summary>What the <see cref="Footer"/> does not say: the seed, and every note on where and how it ran.</summary>
    public string Details { get; init; } = "";
    public string ModelLabel { get; init; } = "";
    public long CreditsCharged { get; init; }
    public TimeSpan Elapsed { get; init; }
    public IReadOnlyList<ReplyFile> Files { get; init; } = [];

    /// <summary>
    /// With more than one image: all of them as one picture with numbered tiles, the reply's picture on every surface
    /// (the numbers match U<i>n</i>/V<i>n</i>); <see cref="Files"/> stay available beside it.
    /// </summary>
    public ReplyFile? Grid { get; init; }

    /// <summary>The member's own image the job worked on (<c>/edit</c>, <c>/upscale</c>), shown small beside the result.</summary>
    public ReplyFile? Input { get; init; }

    /// <summary>Who asked, by display name (Slack slash commands are invisible to the channel).</summary>
    public string RequestedBy { get; init; } = "";
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    /// <summary>The facts every surface shows once, in one format: "Model · Provider · 4 credits · 12s".</summary>
    public string Footer => string.Join(" · ", new[] { ModelLabel, CreditsCharged == 1 ? "1 credit" : $"{CreditsCharged} credits", DurationText.Format(Elapsed) }.Where(p => p.Length > 0));
}
