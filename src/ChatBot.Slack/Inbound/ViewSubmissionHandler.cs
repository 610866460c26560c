using ChatBot.Core.Commands;
using ChatBot.Core.Replies;
using ChatBot.Slack.Blocks;
using ChatBot.Slack.Inbound.Payloads;

namespace ChatBot.Slack.Inbound;

/// <summary>The Edit… modal submitted (<c>view_submission</c>): edit the result or the image its metadata names.</summary>
internal sealed class ViewSubmissionHandler(SlackUsers users, SlackCommandRunner runner, SlackOutcomeResponder responder)
{
    public async Task HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
    {
        if (payload.View is not { CallbackId: SlackBlocks.EditModalCallbackId, PrivateMetadata: { } raw } view
            || Metadata(raw) is not { } meta)
        {
            return;
        }

        var prompt = view.Value(SlackBlocks.PromptBlockId, SlackBlocks.PromptActionId);
        var origin = new SlackOrigin(
            payload.Team?.Id ?? "",
            payload.User?.Id ?? "",
            payload.User?.Name ?? payload.User?.Username ?? "",
            meta.Channel ?? "",
            meta.ThreadTs,
            null);
        if (string.IsNullOrWhiteSpace(prompt) || origin.Channel.Length == 0)
        {
            return;
        }

        var actor = await users.ActorAsync(origin, CommandKind.Edit, cancellationToken).ConfigureAwait(false);
        if (ButtonId.TryDecode(meta.Button, out _, out var jobId, out var index))
        {
            await runner.RunJobAsync(
                origin,
                handle => ButtonCommands.ToRequest(ButtonAction.Edit, jobId, index, actor, origin.Conversation, handle, prompt),
                cancellationToken).ConfigureAwait(false);
            return;
        }

        if (meta.ToImage() is not { } image)
        {
            return;
        }

        List<MediaRef> inputs = [image];
        if (meta.Files is { Count: > 1 } files)
        {
            if (SlackRoleSelects.Chosen(view, files) is not { } chosen)
            {
                await responder.EphemeralAsync(origin, "The mask must be a different file from the image. Please try again.", cancellationToken).ConfigureAwait(false);
                return;
            }

            inputs = chosen;
        }

        var parsed = CommandText.Parse("edit", prompt);
        if (!parsed.IsValid)
        {
            await responder.EphemeralAsync(origin, parsed.Error ?? "I couldn't read that.", cancellationToken).ConfigureAwait(false);
            return;
        }

        await runner.RunJobAsync(
            origin,
            handle => new CommandRequest(CommandKind.Edit, actor, origin.Conversation, parsed.Options, inputs, handle) { RawText = "/edit " + prompt },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The modal's private_metadata; null when it is not ours (or not JSON).</summary>
    private static EditModalMetadata? Metadata(string raw)
    {
        try
        {
            return JsonSerializer.Deserialize(raw, SlackJsonContext.Default.EditModalMetadata);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
