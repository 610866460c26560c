using System.Text.Json.Nodes;

namespace ChatBot.Emulators.Slack;

/// <summary>A message in an emulated channel, with every version chat.update gave it.</summary>
public sealed class SlackEmulatedMessage
{
    public required string Channel { get; init; }
    public required string Ts { get; init; }
    public string? ThreadTs { get; init; }
    public required string User { get; init; }
    public string? BotId { get; init; }
    public string Text { get; set; } = "";
    public JsonArray? Blocks { get; set; }
    public List<string> FileIds { get; } = [];
    public bool Deleted { get; set; }

    /// <summary>Whether Slack would unfurl links or media in it: the default, unless posted with unfurl_links and unfurl_media false.</summary>
    public bool Unfurls { get; set; }

    /// <summary>The message metadata it was posted with (read back only with include_all_metadata).</summary>
    public JsonObject? Metadata { get; set; }

    /// <summary>The text and blocks of every version, oldest first (the post, then each update).</summary>
    public List<JsonObject> Versions { get; } = [];

    public bool IsThreadReply => ThreadTs is not null && ThreadTs != Ts;
}
