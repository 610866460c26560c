using ChatBot.Core.Replies;

namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>A message as Slack shows it to us: who wrote it, where it sits, its files and its buttons.</summary>
internal sealed record SlackMessage(
    string? Ts,
    string? ThreadTs,
    string? User,
    string? BotId,
    IReadOnlyList<SlackFile>? Files,
    IReadOnlyList<SlackBlock>? Blocks)
{
    /// <summary>The thread the message sits in (null for a top-level message, even one with replies).</summary>
    public string? Thread => ThreadTs is not null && ThreadTs != Ts ? ThreadTs : null;

    /// <summary>The first image file, as the engine reads it (url_private with the bot token).</summary>
    public MediaRef? FirstImage()
    {
        foreach (var file in Files ?? [])
        {
            if (file.Mimetype?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true && file.UrlPrivate is { } url)
            {
                return new MediaRef(url, file.Name ?? "image", file.Mimetype, file.Size, RequiresBotToken: true);
            }
        }

        return null;
    }

    /// <summary>Whether it carries a file a command can read (an image, audio or a video).</summary>
    public bool HasFiles() => SlackFileRoles.Usable(this).Any();

    /// <summary>How many outputs a bot result offers buttons for (its U1…U4): more than one means the member picks.</summary>
    public int OutputCount() =>
        (Blocks ?? []).Where(b => b.Type == "actions").SelectMany(b => b.Elements ?? [])
            .Select(e => ButtonId.TryDecode(e.ActionId, out var action, out _, out var index) && action == ButtonAction.Upscale ? index : null)
            .OfType<int>().Distinct().Count();

    /// <summary>The job a bot result belongs to, read from its buttons' action_ids.</summary>
    public (string JobId, int? OutputIndex)? Job()
    {
        foreach (var block in Blocks ?? [])
        {
            if (block.Type != "actions")
            {
                continue;
            }

            foreach (var element in block.Elements ?? [])
            {
                if (ButtonId.TryDecode(element.ActionId, out var action, out var jobId, out var index) && action != ButtonAction.Cancel)
                {
                    return (jobId, index);
                }
            }
        }

        return null;
    }
}
