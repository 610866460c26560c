using ChatBot.Core.Replies;
using ChatBot.Slack.Inbound.Payloads;
using ChatBot.Core.Commands;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// A result button pressed (a click, or a shortcut or reaction on a result): Edit opens the modal, Cancel and
/// the like answer at once, the rest start a job on that result.
/// </summary>
internal sealed class SlackButtons(SlackUsers users, SlackCommandRunner runner, SlackEditModal editModal)
{
    /// <param name="outputs">How many images the result has when the press does not say which (a shortcut, or a button that always names the first): above one, a modal asks.</param>
    public async Task PressAsync(SlackOrigin origin, ButtonAction button, string jobId, int? index, string? trigger, CancellationToken cancellationToken, int outputs = 1)
    {
        var choose = outputs > 1 && trigger is not null && button is not (ButtonAction.Reroll or ButtonAction.Cancel or ButtonAction.SaveToGallery);
        if (button == ButtonAction.Edit || choose)
        {
            var metadata = new EditModalMetadata
            {
                Button = ButtonId.Encode(button, jobId, index),
                Action = button == ButtonAction.Edit ? null : button.ToString(),
                Outputs = choose ? outputs : null,
            };
            await editModal.OpenAsync(origin, trigger, metadata, cancellationToken).ConfigureAwait(false);
            return;
        }

        var kind = ButtonCommands.ToKind(button);
        var actor = await users.ActorAsync(origin, kind, cancellationToken).ConfigureAwait(false);
        if (!kind.StartsJob())
        {
            var request = ButtonCommands.ToRequest(button, jobId, index, actor, origin.Conversation, origin.NoReply);
            await runner.AnswerAsync(origin, request, cancellationToken).ConfigureAwait(false);
            return;
        }

        await runner.RunJobAsync(
            origin,
            handle => ButtonCommands.ToRequest(button, jobId, index, actor, origin.Conversation, handle),
            cancellationToken).ConfigureAwait(false);
    }
}
