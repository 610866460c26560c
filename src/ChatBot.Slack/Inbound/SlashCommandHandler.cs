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
    public async Task HandleAsync(SlashCommandPayload payload, CancellationToken cancellationToken)
    {
        var command = payload.Command ?? "";
        var text = payload.Text ?? "";
        var origin = new SlackOrigin(payload.TeamId ?? "", payload.UserId ?? "", payload.UserName ?? "", payload.ChannelId ?? "", null, payload.ResponseUrl);
        var parsed = CommandText.Parse(command, text);
        if (!parsed.IsValid)
        {
            await responder.EphemeralAsync(origin, parsed.Error ?? "I couldn't read that command.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var kind = parsed.Kind!.Value;
        var actor = await users.ActorAsync(origin, kind, cancellationToken).ConfigureAwait(false);
        var raw = $"{command} {text}".Trim();
        if (!kind.StartsJob())
        {
            var request = new CommandRequest(kind, actor, origin.Conversation, parsed.Options, [], origin.NoReply) { RawText = raw };
            await runner.AnswerAsync(origin, request, cancellationToken).ConfigureAwait(false);
            return;
        }

        List<MediaRef> inputs = [];
        if (kind.TakesImage())
        {
            if (await RecentImageAsync(origin, command, cancellationToken).ConfigureAwait(false) is not { } image)
            {
                return;
            }

            inputs.Add(image);
        }

        await runner.RunJobAsync(
            origin,
            raw,
            handle => new CommandRequest(kind, actor, origin.Conversation, parsed.Options, inputs, handle) { RawText = raw },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The member's latest usable image in the channel; null (and the member told why) when there is none.</summary>
    private async Task<MediaRef?> RecentImageAsync(SlackOrigin origin, string command, CancellationToken cancellationToken)
    {
        var image = await messages.RecentImageAsync(origin.Channel, origin.UserId, null, cancellationToken).ConfigureAwait(false);
        if (image is null)
        {
            await responder.EphemeralAsync(origin, $"`{command}` works on an image. Share one in this channel first (or use the *Edit image* / *Upscale* message shortcut on a message with an image), then try again.", cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (limits.Problem(image) is { } problem)
        {
            await responder.EphemeralAsync(origin, problem, cancellationToken).ConfigureAwait(false);
            return null;
        }

        return image;
    }
}
