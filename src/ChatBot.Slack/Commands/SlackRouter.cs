using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Commands;
using ChatBot.Core.Model;
using ChatBot.Core.Platform;
using ChatBot.Core.Replies;
using ChatBot.Slack.Blocks;
using ChatBot.Slack.Replies;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static ChatBot.Slack.Commands.SlackMessages;

namespace ChatBot.Slack.Commands;

/// <summary>
/// Turns Slack requests (slash commands, buttons, message shortcuts, modal submissions, reactions)
/// into <see cref="CommandRequest"/>s. A job's reply is posted first (so its channel and ts go into
/// the <see cref="ReplyHandle"/>), then the dispatcher decides; a refusal removes that reply and is
/// told to the member ephemerally.
/// </summary>
internal sealed class SlackRouter(
    SlackApiClient api,
    ICommandDispatcher dispatcher,
    SlackUsers users,
    SlackMessages messages,
    IOptions<SlackOptions> options,
    ILogger<SlackRouter> logger)
{
    public const string EditShortcut = "edit_image";
    public const string UpscaleShortcut = "upscale";
    public const string AnimateShortcut = "animate";

    private static readonly HashSet<CommandKind> AdminKinds = [CommandKind.GrantCredits, CommandKind.SetAllowance, CommandKind.Settings, CommandKind.Cancel];
    private static readonly HashSet<CommandKind> NeedsImage = [CommandKind.Edit, CommandKind.Upscale, CommandKind.Animate, CommandKind.RemoveBackground, CommandKind.Vary];

    public Task HandleAsync(SlackInboundItem item, CancellationToken cancellationToken) => item.Kind switch
    {
        SlackInboundKind.SlashCommand => SlashCommandAsync(item, cancellationToken),
        SlackInboundKind.Interaction => InteractionAsync(item.Payload, cancellationToken),
        _ => EventAsync(item.Payload, cancellationToken),
    };

    // ---- slash commands ---------------------------------------------------------------------

    private async Task SlashCommandAsync(SlackInboundItem item, CancellationToken ct)
    {
        var command = item.Field("command") ?? "";
        var text = item.Field("text") ?? "";
        var channel = item.Field("channel_id") ?? "";
        var origin = new SlackOrigin(item.Field("team_id") ?? "", item.Field("user_id") ?? "", item.Field("user_name") ?? "", channel, null, item.Field("response_url"));
        var parsed = CommandText.Parse(command, text);
        if (!parsed.IsValid)
        {
            await EphemeralAsync(origin, parsed.Error ?? "I couldn't read that command.", ct).ConfigureAwait(false);
            return;
        }

        var kind = parsed.Kind!.Value;
        var actor = await ActorAsync(origin, kind, ct).ConfigureAwait(false);
        var conversation = ConversationOf(origin);
        var raw = $"{command} {text}".Trim();
        if (!IsJob(kind))
        {
            await AnswerAsync(origin, new CommandRequest(kind, actor, conversation, parsed.Options, [], NoReply(channel)) { RawText = raw }, ct).ConfigureAwait(false);
            return;
        }

        List<MediaRef> inputs = [];
        if (NeedsImage.Contains(kind))
        {
            var image = await messages.RecentImageAsync(channel, origin.UserId, null, ct).ConfigureAwait(false);
            if (image is null)
            {
                await EphemeralAsync(origin, $"`{command}` works on an image. Share one in this channel first (or use the *Edit image* / *Upscale* message shortcut on a message with an image), then try again.", ct).ConfigureAwait(false);
                return;
            }

            if (CheckInput(image) is { } problem)
            {
                await EphemeralAsync(origin, problem, ct).ConfigureAwait(false);
                return;
            }

            inputs.Add(image);
        }

        await RunJobAsync(origin, raw, handle => new CommandRequest(kind, actor, conversation, parsed.Options, inputs, handle) { RawText = raw }, ct).ConfigureAwait(false);
    }

    // ---- interactivity ----------------------------------------------------------------------

    private Task InteractionAsync(JsonElement payload, CancellationToken ct) => Str(payload, "type") switch
    {
        "block_actions" => BlockActionsAsync(payload, ct),
        "message_action" => MessageShortcutAsync(payload, ct),
        "view_submission" => ViewSubmissionAsync(payload, ct),
        _ => Task.CompletedTask,
    };

    private async Task BlockActionsAsync(JsonElement payload, CancellationToken ct)
    {
        var channel = Str(Obj(payload, "channel"), "id") ?? Str(Obj(payload, "container"), "channel_id") ?? "";
        var message = Obj(payload, "message");
        var origin = new SlackOrigin(
            Str(Obj(payload, "team"), "id") ?? Str(Obj(payload, "user"), "team_id") ?? "",
            Str(Obj(payload, "user"), "id") ?? "",
            Str(Obj(payload, "user"), "username") ?? Str(Obj(payload, "user"), "name") ?? "",
            channel,
            message.ValueKind == JsonValueKind.Object ? ThreadOf(message) : null,
            Str(payload, "response_url"));
        var trigger = Str(payload, "trigger_id");
        if (!payload.TryGetProperty("actions", out var actions))
        {
            return;
        }

        foreach (var action in actions.EnumerateArray())
        {
            var actionId = Str(action, "action_id");
            if (actionId == SlackBlocks.EditFileActionId)
            {
                await OfferEditOfFileAsync(origin, Str(action, "value") ?? "", trigger, ct).ConfigureAwait(false);
            }
            else if (ButtonId.TryDecode(actionId, out var button, out var jobId, out var index))
            {
                await ButtonAsync(origin, button, jobId, index, trigger, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task ButtonAsync(SlackOrigin origin, ButtonAction button, string jobId, int? index, string? trigger, CancellationToken ct)
    {
        if (button == ButtonAction.Edit)
        {
            await OpenEditModalAsync(origin, trigger, new JsonObject { ["b"] = ButtonId.Encode(ButtonAction.Edit, jobId, index) }, ct).ConfigureAwait(false);
            return;
        }

        var kind = ButtonCommands.ToKind(button);
        var actor = await ActorAsync(origin, kind, ct).ConfigureAwait(false);
        var conversation = ConversationOf(origin);
        if (!IsJob(kind))
        {
            await AnswerAsync(origin, ButtonCommands.ToRequest(button, jobId, index, actor, conversation, NoReply(origin.Channel)), ct).ConfigureAwait(false);
            return;
        }

        await RunJobAsync(origin, $"{ButtonLabel(button)} of {jobId}", handle => ButtonCommands.ToRequest(button, jobId, index, actor, conversation, handle), ct).ConfigureAwait(false);
    }

    private async Task MessageShortcutAsync(JsonElement payload, CancellationToken ct)
    {
        var message = Obj(payload, "message");
        var origin = new SlackOrigin(
            Str(Obj(payload, "team"), "id") ?? "",
            Str(Obj(payload, "user"), "id") ?? "",
            Str(Obj(payload, "user"), "name") ?? "",
            Str(Obj(payload, "channel"), "id") ?? "",
            message.ValueKind == JsonValueKind.Object ? ThreadOf(message) : null,
            Str(payload, "response_url"));
        ButtonAction? action = Str(payload, "callback_id") switch
        {
            EditShortcut => ButtonAction.Edit,
            UpscaleShortcut => ButtonAction.Upscale,
            AnimateShortcut => ButtonAction.Animate,
            _ => null,
        };
        if (action is null || message.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        await ActOnMessageAsync(origin, message, action.Value, Str(payload, "trigger_id"), ct).ConfigureAwait(false);
    }

    /// <summary>A shortcut or reaction on a message: a bot result acts through its job; a member's image is the input.</summary>
    private async Task ActOnMessageAsync(SlackOrigin origin, JsonElement message, ButtonAction action, string? trigger, CancellationToken ct)
    {
        var botUser = await users.BotUserIdAsync(ct).ConfigureAwait(false);
        var fromBot = Str(message, "user") == botUser || Str(message, "bot_id") is not null;
        if (fromBot && JobOf(message) is { } job)
        {
            if (action == ButtonAction.Edit && trigger is null)
            {
                await OfferAsync(origin, ButtonId.Encode(ButtonAction.Edit, job.JobId, job.OutputIndex ?? 0), "", ct).ConfigureAwait(false);
                return;
            }

            await ButtonAsync(origin, action, job.JobId, action == ButtonAction.Reroll ? null : job.OutputIndex ?? 0, trigger, ct).ConfigureAwait(false);
            return;
        }

        if (FirstImage(message) is not { } image)
        {
            if (trigger is not null)
            {
                await EphemeralAsync(origin, "That message has no image I can use. Try it on a message with a PNG, JPEG, WebP or GIF file.", ct).ConfigureAwait(false);
            }

            return;
        }

        if (CheckInput(image) is { } problem)
        {
            await EphemeralAsync(origin, problem, ct).ConfigureAwait(false);
            return;
        }

        switch (action)
        {
            case ButtonAction.Edit when trigger is not null:
                await OpenEditModalAsync(origin, trigger, FileMetadata(image), ct).ConfigureAwait(false);
                break;
            case ButtonAction.Edit:
                await OfferAsync(origin, SlackBlocks.EditFileActionId, $"{origin.Channel}|{Str(message, "ts")}", ct).ConfigureAwait(false);
                break;
            case ButtonAction.Upscale or ButtonAction.Animate or ButtonAction.RemoveBackground or ButtonAction.Vary:
                var kind = ButtonCommands.ToKind(action);
                var actor = await ActorAsync(origin, kind, ct).ConfigureAwait(false);
                var conversation = ConversationOf(origin);
                await RunJobAsync(origin, $"{ButtonLabel(action)} of {image.FileName}", handle => new CommandRequest(kind, actor, conversation, new CommandOptions(), [image], handle) { RawText = $"[{action} on a shared image]" }, ct).ConfigureAwait(false);
                break;
            default:
                break; // nothing to re-roll on a member's own image
        }
    }

    private async Task OfferEditOfFileAsync(SlackOrigin origin, string value, string? trigger, CancellationToken ct)
    {
        var parts = value.Split('|');
        if (parts.Length != 2)
        {
            return;
        }

        var message = await messages.FindAsync(parts[0], parts[1], ct).ConfigureAwait(false);
        if (message is not { } found || FirstImage(found) is not { } image)
        {
            await EphemeralAsync(origin, "I can't find that image any more.", ct).ConfigureAwait(false);
            return;
        }

        await OpenEditModalAsync(origin with { Channel = parts[0], ThreadTs = ThreadOf(found) }, trigger, FileMetadata(image), ct).ConfigureAwait(false);
    }

    private async Task OpenEditModalAsync(SlackOrigin origin, string? trigger, JsonObject metadata, CancellationToken ct)
    {
        if (trigger is null)
        {
            return;
        }

        metadata["c"] = origin.Channel;
        metadata["t"] = origin.ThreadTs;
        try
        {
            await api.CallAsync("views.open", new JsonObject
            {
                ["trigger_id"] = trigger,
                ["view"] = SlackBlocks.EditModal(metadata.ToJsonString()),
            }, ct).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (ex.Error is "expired_trigger_id" or "invalid_trigger_id" or "exchanged_trigger_id")
        {
            await EphemeralAsync(origin, "That took too long for Slack to open the editor. Please click *Edit…* again.", ct).ConfigureAwait(false);
        }
    }

    private async Task ViewSubmissionAsync(JsonElement payload, CancellationToken ct)
    {
        var view = Obj(payload, "view");
        if (Str(view, "callback_id") != SlackBlocks.EditModalCallbackId || Str(view, "private_metadata") is not { } raw)
        {
            return;
        }

        JsonElement meta;
        try
        {
            meta = JsonDocument.Parse(raw).RootElement.Clone();
        }
        catch (JsonException)
        {
            return;
        }

        var prompt = Str(Obj(Obj(Obj(Obj(view, "state"), "values"), SlackBlocks.PromptBlockId), SlackBlocks.PromptActionId), "value");
        var origin = new SlackOrigin(
            Str(Obj(payload, "team"), "id") ?? "",
            Str(Obj(payload, "user"), "id") ?? "",
            Str(Obj(payload, "user"), "name") ?? Str(Obj(payload, "user"), "username") ?? "",
            Str(meta, "c") ?? "",
            Str(meta, "t"),
            null);
        if (string.IsNullOrWhiteSpace(prompt) || origin.Channel.Length == 0)
        {
            return;
        }

        var actor = await ActorAsync(origin, CommandKind.Edit, ct).ConfigureAwait(false);
        var conversation = ConversationOf(origin);
        if (ButtonId.TryDecode(Str(meta, "b"), out _, out var jobId, out var index))
        {
            await RunJobAsync(origin, $"Edit: {prompt}", handle => ButtonCommands.ToRequest(ButtonAction.Edit, jobId, index, actor, conversation, handle, prompt), ct).ConfigureAwait(false);
            return;
        }

        if (Str(meta, "u") is not { } url)
        {
            return;
        }

        var parsed = CommandText.Parse("edit", prompt);
        if (!parsed.IsValid)
        {
            await EphemeralAsync(origin, parsed.Error ?? "I couldn't read that.", ct).ConfigureAwait(false);
            return;
        }

        var size = meta.TryGetProperty("s", out var s) && s.TryGetInt64(out var bytes) ? bytes : (long?)null;
        var image = new MediaRef(url, Str(meta, "n") ?? "image", Str(meta, "m"), size, RequiresBotToken: true);
        await RunJobAsync(origin, $"Edit: {prompt}", handle => new CommandRequest(CommandKind.Edit, actor, conversation, parsed.Options, [image], handle) { RawText = "/edit " + prompt }, ct).ConfigureAwait(false);
    }

    // ---- events -----------------------------------------------------------------------------

    private async Task EventAsync(JsonElement payload, CancellationToken ct)
    {
        var ev = Obj(payload, "event");
        if (Str(ev, "type") != "reaction_added")
        {
            return;
        }

        var reaction = Str(ev, "reaction") ?? "";
        var user = Str(ev, "user") ?? "";
        var item = Obj(ev, "item");
        if (!options.Value.ReactionMap.TryGetValue(reaction, out var action) || Str(item, "type") != "message"
            || user == await users.BotUserIdAsync(ct).ConfigureAwait(false))
        {
            return;
        }

        var channel = Str(item, "channel") ?? "";
        var message = await messages.FindAsync(channel, Str(item, "ts") ?? "", ct).ConfigureAwait(false);
        if (message is not { } found)
        {
            return;
        }

        var name = await users.DisplayNameAsync(user, ct).ConfigureAwait(false);
        var origin = new SlackOrigin(Str(payload, "team_id") ?? "", user, name, channel, ThreadOf(found), null);
        await ActOnMessageAsync(origin, found, action, trigger: null, ct).ConfigureAwait(false);
    }

    // ---- running and answering ---------------------------------------------------------------

    private async Task RunJobAsync(SlackOrigin origin, string title, Func<ReplyHandle, CommandRequest> build, CancellationToken ct)
    {
        title = title.Length <= 150 ? title : title[..149] + "…";
        var post = new JsonObject
        {
            ["channel"] = origin.Channel,
            ["text"] = title,
            ["blocks"] = SlackBlocks.Placeholder(title),
        };
        if (origin.ThreadTs is not null)
        {
            post["thread_ts"] = origin.ThreadTs;
        }

        string ts;
        try
        {
            var posted = await api.CallAsync("chat.postMessage", post, ct).ConfigureAwait(false);
            ts = posted.GetProperty("ts").GetString()!;
        }
        catch (SlackApiException ex) when (ex.Error is "not_in_channel" or "channel_not_found")
        {
            await EphemeralAsync(origin, "I can't post in this channel yet. Add me with `/invite @ChatBot` (or from the channel details), then try again.", ct).ConfigureAwait(false);
            return;
        }

        var address = new SlackReplyAddress(origin.Channel, ts, origin.ThreadTs);
        var handle = address.ToHandle();
        CommandOutcome outcome;
        try
        {
            outcome = await dispatcher.DispatchAsync(build(handle), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.InboundFailed(ex, "command");
            await DeleteAsync(address, ct).ConfigureAwait(false);
            await EphemeralAsync(origin, "Something went wrong on my side and nothing was charged. Please try again.", ct).ConfigureAwait(false);
            return;
        }

        switch (outcome)
        {
            case CommandOutcome.Accepted:
                break; // The engine has shown the job's first view in the placeholder (IChatReplies' rule).
            case CommandOutcome.Refused refused:
                await DeleteAsync(address, ct).ConfigureAwait(false);
                await EphemeralAsync(origin, refused.Message, ct).ConfigureAwait(false);
                break;
            case CommandOutcome.Info info:
                await DeleteAsync(address, ct).ConfigureAwait(false);
                await InfoAsync(origin, info, ct).ConfigureAwait(false);
                break;
        }
    }

    private async Task AnswerAsync(SlackOrigin origin, CommandRequest request, CancellationToken ct)
    {
        var outcome = await dispatcher.DispatchAsync(request, ct).ConfigureAwait(false);
        switch (outcome)
        {
            case CommandOutcome.Info info:
                await InfoAsync(origin, info, ct).ConfigureAwait(false);
                break;
            case CommandOutcome.Refused refused:
                await EphemeralAsync(origin, refused.Message, ct).ConfigureAwait(false);
                break;
            case CommandOutcome.Accepted accepted:
                await EphemeralAsync(origin, $"Job `{accepted.JobId}` is queued.", ct).ConfigureAwait(false);
                break;
        }
    }

    private async Task InfoAsync(SlackOrigin origin, CommandOutcome.Info info, CancellationToken ct)
    {
        if (info.Ephemeral)
        {
            await EphemeralAsync(origin, info.Text, ct).ConfigureAwait(false);
            return;
        }

        try
        {
            var post = new JsonObject { ["channel"] = origin.Channel, ["text"] = SlackBlocks.Mrkdwn(info.Text) };
            if (origin.ThreadTs is not null)
            {
                post["thread_ts"] = origin.ThreadTs;
            }

            await api.CallAsync("chat.postMessage", post, ct).ConfigureAwait(false);
        }
        catch (SlackApiException)
        {
            await EphemeralAsync(origin, info.Text, ct).ConfigureAwait(false);
        }
    }

    /// <summary>An ephemeral answer: through the response_url when there is one, else chat.postEphemeral.</summary>
    private async Task EphemeralAsync(SlackOrigin origin, string text, CancellationToken ct, JsonArray? blocks = null)
    {
        var message = new JsonObject { ["text"] = SlackBlocks.Mrkdwn(text) };
        if (blocks is not null)
        {
            message["blocks"] = blocks;
        }

        if (origin.ResponseUrl is { } responseUrl && Uri.TryCreate(responseUrl, UriKind.Absolute, out var url))
        {
            var viaUrl = (JsonObject)message.DeepClone();
            viaUrl["response_type"] = "ephemeral";
            viaUrl["replace_original"] = false;
            try
            {
                if (await api.RespondAsync(url, viaUrl, ct).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (HttpRequestException ex)
            {
                logger.ApiFailed("response_url", ex.GetType().Name);
            }
        }

        message["channel"] = origin.Channel;
        message["user"] = origin.UserId;
        if (origin.ThreadTs is not null)
        {
            message["thread_ts"] = origin.ThreadTs;
        }

        try
        {
            await api.CallAsync("chat.postEphemeral", message, ct).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            logger.ApiFailed("chat.postEphemeral", ex.Error);
        }
    }

    private Task OfferAsync(SlackOrigin origin, string actionId, string value, CancellationToken ct) =>
        EphemeralAsync(origin, "✏️ Describe the change you want, and I'll edit this image.", ct, SlackBlocks.EditOffer(actionId, value.Length > 0 ? value : actionId));

    private async Task DeleteAsync(SlackReplyAddress address, CancellationToken ct)
    {
        try
        {
            await api.CallAsync("chat.delete", new JsonObject { ["channel"] = address.Channel, ["ts"] = address.Ts }, ct).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            logger.ApiFailed("chat.delete", ex.Error);
        }
    }

    private async Task<Actor> ActorAsync(SlackOrigin origin, CommandKind kind, CancellationToken ct)
    {
        var isAdmin = false;
        if (AdminKinds.Contains(kind))
        {
            try
            {
                isAdmin = await users.IsAdminAsync(origin.UserId, ct).ConfigureAwait(false);
            }
            catch (SlackApiException ex)
            {
                logger.ApiFailed("users.info", ex.Error);
            }
        }

        return new Actor(PlatformNames.Slack, origin.TeamId, origin.UserId, origin.UserName.Length > 0 ? origin.UserName : origin.UserId, isAdmin);
    }

    private string? CheckInput(MediaRef image)
    {
        if (image.DeclaredSize is { } size && size > options.Value.MaxInputBytes)
        {
            return $"`{image.FileName}` is too large ({size / (1024 * 1024)} MB); the limit is {options.Value.MaxInputBytes / (1024 * 1024)} MB.";
        }

        return image.DeclaredContentType is { } type && !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            ? $"`{image.FileName}` is not an image."
            : null;
    }

    private static JsonObject FileMetadata(MediaRef image) => new()
    {
        ["u"] = image.Url,
        ["n"] = image.FileName,
        ["m"] = image.DeclaredContentType,
        ["s"] = image.DeclaredSize,
    };

    private static Conversation ConversationOf(SlackOrigin origin) =>
        new(origin.Channel, IsNsfw: false, IsDirectMessage: origin.Channel.StartsWith('D'), ThreadId: origin.ThreadTs);

    /// <summary>Commands that answer at once carry a handle that is never edited.</summary>
    private static ReplyHandle NoReply(string channel) => new(PlatformNames.Slack, $"{channel}|-|");

    private static bool IsJob(CommandKind kind) => kind is CommandKind.Imagine or CommandKind.Edit or CommandKind.Video or CommandKind.Upscale
        or CommandKind.Vary or CommandKind.Reroll or CommandKind.Animate or CommandKind.RemoveBackground;

    private static string ButtonLabel(ButtonAction action) => action switch
    {
        ButtonAction.Upscale => "🔍 Upscale",
        ButtonAction.Vary => "🎲 Variation",
        ButtonAction.Reroll => "🔁 Re-roll",
        ButtonAction.Animate => "🎬 Animation",
        ButtonAction.RemoveBackground => "✂️ Background removal",
        ButtonAction.Edit => "✏️ Edit",
        _ => action.ToString(),
    };

    private static JsonElement Obj(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;
}
