using System.Text.Json;
using ChatBot.Core.Model;
using ChatBot.Core.Replies;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Commands;

/// <summary>Reads messages back from Slack (conversations.history / replies) and finds the images and bot results in them.</summary>
internal sealed class SlackMessages(SlackApiClient api)
{
    /// <summary>How far back /edit and /upscale look for the member's latest image.</summary>
    public const int RecentLimit = 30;

    /// <summary>The message at <paramref name="ts"/>: top-level through conversations.history, a thread reply through conversations.replies.</summary>
    public async Task<JsonElement?> FindAsync(string channel, string ts, CancellationToken cancellationToken)
    {
        var history = await api.CallFormAsync(
            "conversations.history",
            new Dictionary<string, string> { ["channel"] = channel, ["latest"] = ts, ["inclusive"] = "true", ["limit"] = "1" },
            cancellationToken).ConfigureAwait(false);
        if (FirstWithTs(history, ts) is { } top)
        {
            return top;
        }

        try
        {
            var replies = await api.CallFormAsync(
                "conversations.replies",
                new Dictionary<string, string> { ["channel"] = channel, ["ts"] = ts },
                cancellationToken).ConfigureAwait(false);
            return FirstWithTs(replies, ts);
        }
        catch (SlackApiException ex) when (ex.Error is "thread_not_found" or "message_not_found")
        {
            return null;
        }
    }

    /// <summary>The newest image <paramref name="userId"/> shared in the channel (or in the thread, when given).</summary>
    public async Task<MediaRef?> RecentImageAsync(string channel, string userId, string? threadTs, CancellationToken cancellationToken)
    {
        var answer = threadTs is null
            ? await api.CallFormAsync("conversations.history", new Dictionary<string, string> { ["channel"] = channel, ["limit"] = RecentLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken).ConfigureAwait(false)
            : await api.CallFormAsync("conversations.replies", new Dictionary<string, string> { ["channel"] = channel, ["ts"] = threadTs }, cancellationToken).ConfigureAwait(false);
        var messages = answer.TryGetProperty("messages", out var m) ? m.EnumerateArray().ToList() : [];

        // conversations.history is newest first; conversations.replies oldest first.
        if (threadTs is not null)
        {
            messages.Reverse();
        }

        foreach (var message in messages)
        {
            if (Str(message, "user") == userId && FirstImage(message) is { } image)
            {
                return image;
            }
        }

        return null;
    }

    /// <summary>The first image file of a message, as the engine reads it (url_private with the bot token).</summary>
    public static MediaRef? FirstImage(JsonElement message)
    {
        if (!message.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var file in files.EnumerateArray())
        {
            var mimetype = Str(file, "mimetype");
            var url = Str(file, "url_private");
            if (mimetype?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true && url is not null)
            {
                var size = file.TryGetProperty("size", out var s) && s.TryGetInt64(out var bytes) ? bytes : (long?)null;
                return new MediaRef(url, Str(file, "name") ?? "image", mimetype, size, RequiresBotToken: true);
            }
        }

        return null;
    }

    /// <summary>The job a bot result belongs to, read from its buttons' action_ids.</summary>
    public static (string JobId, int? OutputIndex)? JobOf(JsonElement message)
    {
        if (!message.TryGetProperty("blocks", out var blocks) || blocks.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var block in blocks.EnumerateArray())
        {
            if (Str(block, "type") != "actions" || !block.TryGetProperty("elements", out var elements))
            {
                continue;
            }

            foreach (var element in elements.EnumerateArray())
            {
                if (ButtonId.TryDecode(Str(element, "action_id"), out var action, out var jobId, out var index) && action != ButtonAction.Cancel)
                {
                    return (jobId, index);
                }
            }
        }

        return null;
    }

    /// <summary>The thread a message sits in (null for a top-level message, even one with replies).</summary>
    public static string? ThreadOf(JsonElement message)
    {
        var thread = Str(message, "thread_ts");
        return thread is not null && thread != Str(message, "ts") ? thread : null;
    }

    public static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? FirstWithTs(JsonElement answer, string ts)
    {
        if (!answer.TryGetProperty("messages", out var messages))
        {
            return null;
        }

        foreach (var message in messages.EnumerateArray())
        {
            if (Str(message, "ts") == ts)
            {
                return message;
            }
        }

        return null;
    }
}
