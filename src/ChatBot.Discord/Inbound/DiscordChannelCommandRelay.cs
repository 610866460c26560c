using ChatBot.Core.Platform;
using ChatBot.Discord.Replies;
using ChatBot.Discord.Rest;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// A command made on the bot's region editor page: like a reaction, it has no interaction, so its reply is a channel
/// message the bot posts first (naming the member) and the engine then edits; a refusal replaces that message.
/// </summary>
internal sealed class DiscordChannelCommandRelay(
    DiscordRestClient rest,
    DiscordOutcomeResponder responder,
    IOptions<DiscordOptions> options,
    TimeProvider time) : IChannelCommandRelay
{
    private const string DispatchFailedText = "Something went wrong on my side; nothing was charged.";

    public string Platform => PlatformNames.Discord;

    public async Task<CommandOutcome> DispatchAsync(Actor actor, Conversation conversation, Func<ReplyHandle, CommandRequest> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(conversation);
        var userId = actor.UserId;
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var placeholder = await rest.CreateChannelMessageAsync(
            conversation.ChannelId,
            DiscordMessageRenderer.Text($"<@{userId}> ⏳ On it…", ephemeral: false) with { AllowedMentions = new AllowedMentions([], [userId]) },
            null,
            cancellationToken).ConfigureAwait(false);
        var reply = new DiscordReplyHandle(settings.ApplicationId ?? "", null, conversation.ChannelId, placeholder.Id, time.GetUtcNow().ToUnixTimeMilliseconds(), settings.DefaultAttachmentSizeLimit);
        var outcome = await responder.DispatchAsync(new MappedCommand(request(reply.ToReplyHandle()), null), DispatchFailedText, cancellationToken).ConfigureAwait(false);
        await responder.RespondInChannelAsync(conversation.ChannelId, placeholder.Id, userId, outcome, cancellationToken).ConfigureAwait(false);
        return outcome;
    }
}
