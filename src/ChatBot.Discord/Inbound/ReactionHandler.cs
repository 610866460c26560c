using System.Text.Json;
using ChatBot.Core.Model;
using ChatBot.Core.Platform;
using ChatBot.Core.Replies;
using ChatBot.Discord.Gateway;
using ChatBot.Discord.Replies;
using ChatBot.Discord.Rest;
using ChatBot.Discord.Rest.Models;
using Microsoft.Extensions.Options;
using ChatBot.Core.Commands;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// Reactions as commands (🔍 upscale, 🎬 animate, ✂️ remove background, 🔁 re-roll, ✏️ edit by default):
/// on the bot's own results, or on any member's image when Discord:ReactionsOnAnyMessage is on. The bot
/// fetches the message to read its attachments and answers with a channel message it then edits.
/// </summary>
internal sealed class ReactionHandler(
    DiscordRestClient rest,
    DiscordCommandMapper mapper,
    DiscordOutcomeResponder responder,
    IEventDeduplicator deduplicator,
    DiscordBotIdentity identity,
    IOptions<DiscordOptions> options,
    TimeProvider time)
{
    public const string DeduplicationSource = "discord:reaction";

    private const string DispatchFailedText = "Something went wrong on my side; nothing was charged.";

    public async Task HandleAsync(JsonElement data, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var userId = Str(data, "user_id");
        var channelId = Str(data, "channel_id");
        var messageId = Str(data, "message_id");
        var guildId = Str(data, "guild_id");
        var emoji = data.TryGetProperty("emoji", out var e) ? Str(e, "name") : null;
        if (userId is null || channelId is null || messageId is null || emoji is null || userId == identity.UserId)
        {
            return;
        }

        if (!settings.EffectiveReactionMap.TryGetValue(emoji, out var actionName) || !Enum.TryParse<ButtonAction>(actionName, ignoreCase: true, out var action)
            || action is ButtonAction.Cancel or ButtonAction.SaveToGallery)
        {
            return;
        }

        var kind = ButtonCommands.ToKind(action);
        var authorId = Str(data, "message_author_id");
        if (authorId is not null && authorId != identity.UserId && !settings.ReactionsOnAnyMessage)
        {
            return;
        }

        if (!await deduplicator.TryMarkAsync(DeduplicationSource, $"{channelId}:{messageId}:{userId}:{emoji}", cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var message = await rest.GetChannelMessageAsync(channelId, messageId, cancellationToken).ConfigureAwait(false);
        var own = identity.UserId is not null && message.Author?.Id == identity.UserId;
        if ((!own && !settings.ReactionsOnAnyMessage) || (kind == CommandKind.Reroll && !own))
        {
            return;
        }

        var member = data.TryGetProperty("member", out var m) ? m.Deserialize<DiscordMember>(DiscordJson.Options) : null;
        var actor = new Actor(PlatformNames.Discord, guildId ?? DiscordActors.DirectMessageTenant, userId, member?.Nick ?? member?.User?.DisplayName ?? userId, IsAdmin: false);
        var conversation = new Conversation(channelId, IsNsfw: guildId is not null && await IsNsfwAsync(channelId, cancellationToken).ConfigureAwait(false), IsDirectMessage: guildId is null);

        string? prompt = null;
        if (kind == CommandKind.Edit)
        {
            prompt = own ? null : message.Content is { Length: > 0 } text ? text : null;
            if (prompt is null)
            {
                await AskForPromptAsync(message, userId, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        var placeholder = await rest.CreateChannelMessageAsync(
            channelId,
            DiscordMessageRenderer.Text("⏳ On it…", ephemeral: false) with { MessageReference = new MessageReference(messageId, channelId) },
            null,
            cancellationToken).ConfigureAwait(false);
        var reply = new DiscordReplyHandle(settings.ApplicationId ?? "", null, channelId, placeholder.Id, time.GetUtcNow().ToUnixTimeMilliseconds(), settings.DefaultAttachmentSizeLimit).ToReplyHandle();

        MappedCommand mapped;
        if (kind == CommandKind.Reroll)
        {
            var source = DiscordCommandMapper.SourceJobOf(message);
            mapped = source is null
                ? MappedCommand.Refuse("I can't tell which job made that image.")
                : new MappedCommand(new CommandRequest(kind, actor, conversation, new CommandOptions(), [], reply) { SourceJobId = source.Value.JobId, RawText = $"reaction {emoji}" }, null);
        }
        else
        {
            mapped = mapper.MapMessageAction(kind, actor, conversation, message, prompt, reply);
        }

        var outcome = await responder.DispatchAsync(mapped, DispatchFailedText, cancellationToken).ConfigureAwait(false);
        await responder.RespondInChannelAsync(channelId, placeholder.Id, userId, outcome, cancellationToken).ConfigureAwait(false);
    }

    private async Task AskForPromptAsync(DiscordMessage message, string userId, CancellationToken cancellationToken)
    {
        var button = new Component(Component.ButtonType)
        {
            Style = 1,
            Label = "Edit…",
            CustomId = $"{InteractionHandler.MessageEditButtonPrefix}{message.ChannelId}:{message.Id}",
        };
        var payload = DiscordMessageRenderer.Text($"<@{userId}> what should change in this image?", ephemeral: false) with
        {
            Components = [new Component(Component.ActionRowType) { Components = [button] }],
            MessageReference = new MessageReference(message.Id, message.ChannelId),
            AllowedMentions = new AllowedMentions([], [userId]),
        };
        await rest.CreateChannelMessageAsync(message.ChannelId, payload, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reactions carry no channel object: ask for it (NSFW only where the channel says so).</summary>
    private async Task<bool> IsNsfwAsync(string channelId, CancellationToken cancellationToken)
    {
        try
        {
            return (await rest.GetChannelAsync(channelId, cancellationToken).ConfigureAwait(false)).Nsfw == true;
        }
        catch (DiscordApiException)
        {
            return false;
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
