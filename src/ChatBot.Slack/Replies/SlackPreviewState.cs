namespace ChatBot.Slack.Replies;

/// <summary>The progress preview a reply shows: which picture, the Slack file that holds it, and the files it replaced (to delete).</summary>
internal sealed class SlackPreviewState
{
    public string? Key { get; set; }

    public string? FileId { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public List<string> Superseded { get; } = [];
}
