using ChatBot.Core.Replies;
using ChatBot.Slack.Blocks;
using ChatBot.Slack.Inbound.Payloads;
using ChatBot.Core.Commands;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// An action on a message (a message shortcut, or a reaction): on one of our results it acts through that
/// result's job, as its button would; on a member's message, the message's image is the input.
/// </summary>
internal sealed class SlackMessageActions(
    SlackUsers users,
    SlackButtons buttons,
    SlackEditModal editModal,
    SlackCommandRunner runner,
    SlackOutcomeResponder responder,
    SlackInputLimits limits)
{
    /// <param name="trigger">The trigger_id, when Slack gave one (a shortcut): null for a reaction, which cannot open a modal.</param>
    public async Task ActAsync(SlackOrigin origin, SlackMessage message, ButtonAction action, string? trigger, CancellationToken cancellationToken)
    {
        var botUser = await users.BotUserIdAsync(cancellationToken).ConfigureAwait(false);
        var fromBot = message.User == botUser || message.BotId is not null;
        if (fromBot && message.Job() is { } job)
        {
            await OnResultAsync(origin, job.JobId, job.OutputIndex, action, trigger, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (message.FirstImage() is not { } image)
        {
            if (trigger is not null)
            {
                await responder.EphemeralAsync(origin, "That message has no image I can use. Try it on a message with a PNG, JPEG, WebP or GIF file.", cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (limits.Problem(image) is { } problem)
        {
            await responder.EphemeralAsync(origin, problem, cancellationToken).ConfigureAwait(false);
            return;
        }

        await OnImageAsync(origin, message, image, action, trigger, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnResultAsync(SlackOrigin origin, string jobId, int? outputIndex, ButtonAction action, string? trigger, CancellationToken cancellationToken)
    {
        if (action == ButtonAction.Edit && trigger is null)
        {
            await editModal.OfferAsync(origin, ButtonId.Encode(ButtonAction.Edit, jobId, outputIndex ?? 0), "", cancellationToken).ConfigureAwait(false);
            return;
        }

        int? index = action == ButtonAction.Reroll ? null : outputIndex ?? 0;
        await buttons.PressAsync(origin, action, jobId, index, trigger, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnImageAsync(SlackOrigin origin, SlackMessage message, MediaRef image, ButtonAction action, string? trigger, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case ButtonAction.Edit when trigger is not null:
                // Several files: the modal lets the member choose which is the image, the mask, the audio.
                var files = SlackFileRoles.Usable(message).Select(f => EditModalFile.From(SlackFileRoles.ToRef(f, MediaRole.Image))).ToList();
                await editModal.OpenAsync(origin, trigger, EditModalMetadata.ForFile(image) with { Files = files.Count > 1 ? files : null }, cancellationToken).ConfigureAwait(false);
                break;
            case ButtonAction.Edit:
                await editModal.OfferAsync(origin, SlackBlocks.EditFileActionId, $"{origin.Channel}|{message.Ts}", cancellationToken).ConfigureAwait(false);
                break;
            case ButtonAction.Upscale or ButtonAction.Animate or ButtonAction.RemoveBackground or ButtonAction.Vary:
                var kind = ButtonCommands.ToKind(action);
                var actor = await users.ActorAsync(origin, kind, cancellationToken).ConfigureAwait(false);
                await runner.RunJobAsync(
                    origin,
                    handle => new CommandRequest(kind, actor, origin.Conversation, new CommandOptions(), [image], handle) { RawText = $"[{action} on a shared image]" },
                    cancellationToken).ConfigureAwait(false);
                break;
            default:
                break; // nothing to re-roll on a member's own image
        }
    }
}
