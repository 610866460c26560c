using ChatBot.Core.Replies;
using ChatBot.Slack.Blocks;
using ChatBot.Slack.Inbound.Payloads;

namespace ChatBot.Slack.Inbound;

/// <summary>Button clicks (<c>block_actions</c>): a result's buttons, and the "Edit…" offer on a member's image.</summary>
internal sealed class BlockActionHandler(
    SlackButtons buttons,
    SlackMessages messages,
    SlackEditModal editModal,
    SlackOutcomeResponder responder)
{
    public async Task HandleAsync(BlockActionsPayload payload, CancellationToken cancellationToken)
    {
        var origin = new SlackOrigin(
            payload.Team?.Id ?? payload.User?.TeamId ?? "",
            payload.User?.Id ?? "",
            payload.User?.Username ?? payload.User?.Name ?? "",
            payload.Channel?.Id ?? payload.Container?.ChannelId ?? "",
            payload.Message?.Thread,
            payload.ResponseUrl);
        foreach (var action in payload.Actions ?? [])
        {
            if (action.ActionId == SlackBlocks.EditFileActionId)
            {
                await OpenForFileAsync(origin, ButtonAction.Edit, action.Value ?? "", payload.TriggerId, cancellationToken).ConfigureAwait(false);
            }
            else if (action.ActionId?.StartsWith(SlackBlocks.ChooseFilesActionPrefix, StringComparison.Ordinal) == true
                && Enum.TryParse<ButtonAction>(action.ActionId[SlackBlocks.ChooseFilesActionPrefix.Length..], ignoreCase: false, out var chosen))
            {
                await OpenForFileAsync(origin, chosen, action.Value ?? "", payload.TriggerId, cancellationToken).ConfigureAwait(false);
            }
            else if (ButtonId.TryDecode(action.ActionId, out var button, out var jobId, out var index))
            {
                // These buttons always name the first image: on a result with several, the member picks one.
                var outputs = button is ButtonAction.Animate or ButtonAction.RemoveBackground or ButtonAction.Edit ? payload.Message?.OutputCount() ?? 1 : 1;
                await buttons.PressAsync(origin, button, jobId, index, payload.TriggerId, cancellationToken, outputs).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The offer's value is "channel|ts" of the member's message: read it again and open the modal on its files.</summary>
    private async Task OpenForFileAsync(SlackOrigin origin, ButtonAction action, string value, string? trigger, CancellationToken cancellationToken)
    {
        var parts = value.Split('|');
        if (parts.Length != 2)
        {
            return;
        }

        var message = await messages.FindAsync(parts[0], parts[1], cancellationToken).ConfigureAwait(false);
        if (message?.FirstImage() is not { } image)
        {
            await responder.EphemeralAsync(origin, "I can't find that image any more.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var there = origin with { Channel = parts[0], ThreadTs = message.Thread };
        await editModal.OpenAsync(there, trigger, EditModalMetadata.ForMessage(image, message, action), cancellationToken).ConfigureAwait(false);
    }
}
