using ChatBot.Core.Replies;
using ChatBot.Discord.Replies;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// The first answer <see cref="InteractionHandler"/> gives an interaction, when its parse alone decides it: a
/// deferral (public for what starts a job, private otherwise) or a deferred update (a page turn). Null for the
/// answers that need more than the parse (a modal, autocomplete choices, a choice of images, a refusal).
/// Keep it in step with the handler's branches.
/// </summary>
internal static class EarlyDeferral
{
    public static InteractionResponse? For(DiscordInteraction interaction)
    {
        var data = interaction.Data;
        switch (interaction.Type)
        {
            case DiscordInteraction.ApplicationCommand when data?.Type is not 3 && DiscordCommandKinds.OfSlash(data?.Name) is { } kind:
                return Deferred(ephemeral: !kind.RepliesInPublic());
            case DiscordInteraction.ModalSubmit:
                return Deferred(ephemeral: false);
            case DiscordInteraction.MessageComponent:
                var customId = data?.CustomId;
                if (customId?.StartsWith(InteractionHandler.MessageEditButtonPrefix, StringComparison.Ordinal) == true)
                {
                    return null; // opens a modal
                }

                if (MessageImageChoice.TryDecode(customId, out var picked, out _, out _, out _))
                {
                    return picked == CommandKind.Edit ? null : Deferred(ephemeral: false);
                }

                if (DiscordPages.TryDecode(customId, out _, out var command, out _))
                {
                    return DiscordCommandKinds.OfSlash(command) is { } paged && !paged.StartsJob()
                        ? new InteractionResponse(InteractionResponse.DeferredUpdateMessage, null)
                        : null;
                }

                return ButtonId.TryDecode(customId, out var action, out _, out _) && action != ButtonAction.Edit
                    ? Deferred(ephemeral: AnswersPrivately(action))
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Cancel, Confirm, Info and Vary (Region) (a private link) answer only the member who pressed.</summary>
    public static bool AnswersPrivately(ButtonAction action) =>
        action is ButtonAction.Cancel or ButtonAction.Confirm or ButtonAction.Info or ButtonAction.VaryRegion;

    private static InteractionResponse Deferred(bool ephemeral) =>
        new(InteractionResponse.DeferredChannelMessage, ephemeral ? new MessagePayload { Flags = MessagePayload.Ephemeral } : null);
}
