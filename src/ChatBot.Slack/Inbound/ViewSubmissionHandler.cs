using ChatBot.Core.Commands;
using ChatBot.Core.Replies;
using ChatBot.Slack.Blocks;
using ChatBot.Slack.Inbound.Payloads;

namespace ChatBot.Slack.Inbound;

/// <summary>The Edit… modal (or a choice modal) submitted (<c>view_submission</c>): act on the result or the files its metadata names.</summary>
internal sealed class ViewSubmissionHandler(SlackUsers users, SlackCommandRunner runner, SlackOutcomeResponder responder)
{
    public async Task HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
    {
        if (payload.View is not { CallbackId: SlackBlocks.EditModalCallbackId, PrivateMetadata: { } raw } view
            || Metadata(raw) is not { } meta)
        {
            return;
        }

        var action = meta.Verb;
        var prompt = view.Value(SlackBlocks.PromptBlockId, SlackBlocks.PromptActionId);
        var origin = new SlackOrigin(
            payload.Team?.Id ?? "",
            payload.User?.Id ?? "",
            payload.User?.Name ?? payload.User?.Username ?? "",
            meta.Channel ?? "",
            meta.ThreadTs,
            null);
        if ((action == ButtonAction.Edit && string.IsNullOrWhiteSpace(prompt)) || origin.Channel.Length == 0)
        {
            return;
        }

        prompt = string.IsNullOrWhiteSpace(prompt) ? null : prompt;
        var kind = ButtonCommands.ToKind(action);
        var actor = await users.ActorAsync(origin, kind, cancellationToken).ConfigureAwait(false);
        if (ButtonId.TryDecode(meta.Button, out _, out var jobId, out var index))
        {
            // A result with several images: the one the member chose.
            index = meta.Outputs is { } outputs ? SlackRoleSelects.ChosenOutput(view, outputs) ?? index : index;
            await runner.RunJobAsync(
                origin,
                handle => ButtonCommands.ToRequest(action, jobId, index, actor, origin.Conversation, handle, prompt),
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
            if (SlackRoleSelects.Chosen(view, files, action) is not { } chosen)
            {
                await responder.EphemeralAsync(origin, "Each file can have one role only: the mask or last frame must be a different file from the image. Please try again.", cancellationToken).ConfigureAwait(false);
                return;
            }

            inputs = chosen;
        }

        var parsed = prompt is null
            ? new ParsedCommand(kind, new CommandOptions(), null)
            : CommandText.ApplyInlineFlags(kind, new CommandOptions { Prompt = prompt });
        if (!parsed.IsValid)
        {
            await responder.EphemeralAsync(origin, parsed.Error ?? "I couldn't read that.", cancellationToken).ConfigureAwait(false);
            return;
        }

        await runner.RunJobAsync(
            origin,
            handle => new CommandRequest(kind, actor, origin.Conversation, parsed.Options, inputs, handle) { RawText = action == ButtonAction.Edit ? "/edit " + prompt : $"[{action} on a shared file] {prompt}".TrimEnd() },
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
