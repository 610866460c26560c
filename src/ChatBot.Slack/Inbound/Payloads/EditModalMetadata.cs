using ChatBot.Core.Replies;

namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>
/// What the Edit… modal keeps in its <c>private_metadata</c> (at most 3000 characters, hence the short names):
/// either the result button it came from, or the member's image; and where to reply.
/// </summary>
/// <param name="Button">The result button's action_id, when acting on one of our results.</param>
/// <param name="Action">What the modal does (a <see cref="ButtonAction"/> name); null for Edit.</param>
/// <param name="Outputs">How many images the result has, when the member picks one of them.</param>
internal sealed record EditModalMetadata(
    [property: JsonPropertyName("b")] string? Button = null,
    [property: JsonPropertyName("u")] string? Url = null,
    [property: JsonPropertyName("n")] string? FileName = null,
    [property: JsonPropertyName("m")] string? ContentType = null,
    [property: JsonPropertyName("s")] long? Size = null,
    [property: JsonPropertyName("c")] string? Channel = null,
    [property: JsonPropertyName("t")] string? ThreadTs = null,
    [property: JsonPropertyName("f")] IReadOnlyList<EditModalFile>? Files = null,
    [property: JsonPropertyName("a")] string? Action = null,
    [property: JsonPropertyName("o")] int? Outputs = null)
{
    /// <summary>What the modal does: Edit unless it says otherwise.</summary>
    [JsonIgnore]
    public ButtonAction Verb => Enum.TryParse<ButtonAction>(Action, ignoreCase: false, out var action) ? action : ButtonAction.Edit;

    /// <summary>For a member's message: its files (when it has several), for the modal's role selects.</summary>
    public static EditModalMetadata ForMessage(MediaRef image, SlackMessage message, ButtonAction action)
    {
        var files = SlackFileRoles.Usable(message).Select(f => EditModalFile.From(SlackFileRoles.ToRef(f, MediaRole.Image))).ToList();
        return ForFile(image) with { Files = files.Count > 1 ? files : null, Action = action == ButtonAction.Edit ? null : action.ToString() };
    }

    public static EditModalMetadata ForFile(MediaRef image) =>
        new(Url: image.Url, FileName: image.FileName, ContentType: image.DeclaredContentType, Size: image.DeclaredSize);

    /// <summary>The member's image, read back as the engine fetches it (url_private with the bot token).</summary>
    public MediaRef? ToImage() => Url is { } url ? new MediaRef(url, FileName ?? "image", ContentType, Size, RequiresBotToken: true) : null;
}
