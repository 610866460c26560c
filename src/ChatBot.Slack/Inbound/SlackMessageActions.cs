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
            await OnResultAsync(origin, job.JobId, job.OutputIndex, message.OutputCount(), action, trigger, cancellationToken).ConfigureAwait(false);
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

    private async Task OnResultAsync(SlackOrigin origin, string jobId, int? outputIndex, int outputs, ButtonAction action, string? trigger, CancellationToken cancellationToken)
    {
        if (action == ButtonAction.Edit && trigger is null)
        {
            await editModal.OfferAsync(origin, ButtonId.Encode(ButtonAction.Edit, jobId, outputIndex ?? 0), "", cancellationToken).ConfigureAwait(false);
            return;
        }

        // A shortcut names the message, not one of its images: with several, the member picks one.
        int? index = action == ButtonAction.Reroll ? null : outputIndex ?? 0;
        await buttons.PressAsync(origin, action, jobId, index, trigger, cancellationToken, index is null ? 1 : outputs).ConfigureAwait(false);
    }

    private async Task OnImageAsync(SlackOrigin origin, SlackMessage message, MediaRef image, ButtonAction action, string? trigger, CancellationToken cancellationToken)
    {
        if (action is not (ButtonAction.Edit or ButtonAction.Upscale or ButtonAction.Animate or ButtonAction.RemoveBackground or ButtonAction.Vary))
        {
            return; // nothing to re-roll on a member's own image
        }

        // Several files: the modal lets the member choose which is the image, the mask, the last frame, the audio.
        var metadata = EditModalMetadata.ForMessage(image, message, action);
        if (action == ButtonAction.Edit || metadata.Files is { } files && SlackRoleSelects.NeedsChoice(files, action))
        {
            if (trigger is not null)
            {
                await editModal.OpenAsync(origin, trigger, metadata, cancellationToken).ConfigureAwait(false);
            }
            else if (action == ButtonAction.Edit)
            {
                await editModal.OfferAsync(origin, SlackBlocks.EditFileActionId, $"{origin.Channel}|{message.Ts}", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await editModal.OfferChoiceAsync(origin, action, $"{origin.Channel}|{message.Ts}", cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var kind = ButtonCommands.ToKind(action);
        var actor = await users.ActorAsync(origin, kind, cancellationToken).ConfigureAwait(false);
        await runner.RunJobAsync(
            origin,
            handle => new CommandRequest(kind, actor, origin.Conversation, new CommandOptions(), [image], handle) { RawText = $"[{action} on a shared image]" },
            cancellationToken).ConfigureAwait(false);
    }
}
