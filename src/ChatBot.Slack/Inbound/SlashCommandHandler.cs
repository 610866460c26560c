using ChatBot.Core.Commands;
using ChatBot.Slack.Inbound.Payloads;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// <c>/imagine</c>, <c>/edit</c>, <c>/credits</c>…: the text is parsed as the other surfaces parse it; an image
/// command takes the member's latest image in the channel.
/// </summary>
internal sealed class SlashCommandHandler(
    SlackUsers users,
    SlackMessages messages,
    SlackInputLimits limits,
    SlackCommandRunner runner,
    SlackOutcomeResponder responder)
{
    /// <summary>The flag that makes <c>/video</c> start from the member's latest image.</summary>
    public const string FromImageFlag = "from-image";

    public async Task HandleAsync(SlashCommandPayload payload, CancellationToken cancellationToken)
    {
        var command = payload.Command ?? "";
        var text = SlackInboundText.FromSlashCommand(payload.Text);
        var origin = new SlackOrigin(payload.TeamId ?? "", payload.UserId ?? "", payload.UserName ?? "", payload.ChannelId ?? "", null, payload.ResponseUrl);
        var parsed = CommandText.Parse(command, text);
        if (!parsed.IsValid)
        {
            await responder.EphemeralAsync(origin, parsed.Error ?? "I couldn't read that command.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var kind = parsed.Kind!.Value;
        var options = parsed.Options;
        var actor = await users.ActorAsync(origin, kind, cancellationToken, needsAdmin: options.TargetUserId is not null).ConfigureAwait(false);
        var raw = $"{command} {text}".Trim();
        if (!kind.RepliesInPublic())
        {
            var request = new CommandRequest(kind, actor, origin.Conversation, options, [], origin.NoReply) { RawText = raw };
            await runner.AnswerAsync(origin, request, cancellationToken).ConfigureAwait(false);
            return;
        }

        // `/video --from-image`: the member's latest files are its first frame (and end frame, audio); Slack's own flag, not the model's.
        var fromImage = options.Extra.ContainsKey(FromImageFlag);
        if (fromImage)
        {
            options = options with { Extra = options.Extra.Where(e => !e.Key.Equals(FromImageFlag, StringComparison.OrdinalIgnoreCase)).ToDictionary(StringComparer.OrdinalIgnoreCase) };
        }

        List<MediaRef> inputs = [];
        if (kind.TakesImage() || fromImage)
        {
            if (await RecentFilesAsync(origin, command, kind, options.Mode, cancellationToken).ConfigureAwait(false) is not { } files)
            {
                return;
            }

            inputs = files;
        }

        await runner.RunJobAsync(
            origin,
            handle => new CommandRequest(kind, actor, origin.Conversation, options, inputs, handle) { RawText = raw },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The files of the member's latest message with files, with their roles; null (and the member told why) when there are none.</summary>
    private async Task<List<MediaRef>?> RecentFilesAsync(SlackOrigin origin, string command, CommandKind kind, string? mode, CancellationToken cancellationToken)
    {
        var message = await messages.RecentFilesAsync(origin.Channel, origin.UserId, cancellationToken).ConfigureAwait(false);
        var inputs = message is null ? [] : SlackFileRoles.Inputs(message, kind, mode?.ToLowerInvariant());
        if (!inputs.Any(i => i.Role == MediaRole.Image))
        {
            await responder.EphemeralAsync(origin, $"`{command}` works on an image. Share one in this channel (or reply with files in a result's thread) first, or use the *Edit image* / *Upscale* message shortcut on a message with an image, then try again.", cancellationToken).ConfigureAwait(false);
            return null;
        }

        foreach (var input in inputs)
        {
            if (limits.Problem(input) is { } problem)
            {
                await responder.EphemeralAsync(origin, problem, cancellationToken).ConfigureAwait(false);
                return null;
            }
        }

        return inputs;
    }
}
