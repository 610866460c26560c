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
    public async Task PressAsync(SlackOrigin origin, ButtonAction button, string jobId, int? index, string? trigger, CancellationToken cancellationToken)
    {
        if (button == ButtonAction.Edit)
        {
            var metadata = new EditModalMetadata { Button = ButtonId.Encode(ButtonAction.Edit, jobId, index) };
            await editModal.OpenAsync(origin, trigger, metadata, cancellationToken).ConfigureAwait(false);
            return;
        }

        var kind = ButtonCommands.ToKind(button);
        var actor = await users.ActorAsync(origin, kind, cancellationToken).ConfigureAwait(false);
        if (!kind.RepliesInPublic())
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
