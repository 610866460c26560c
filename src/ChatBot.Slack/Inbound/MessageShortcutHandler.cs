using ChatBot.Core.Replies;
using ChatBot.Slack.Inbound.Payloads;

namespace ChatBot.Slack.Inbound;

/// <summary>The message shortcuts (<c>message_action</c>) the app manifest declares: Edit image, Upscale, Animate.</summary>
internal sealed class MessageShortcutHandler(SlackMessageActions actions)
{
    public const string EditShortcut = "edit_image";
    public const string UpscaleShortcut = "upscale";
    public const string AnimateShortcut = "animate";

    public async Task HandleAsync(MessageShortcutPayload payload, CancellationToken cancellationToken)
    {
        ButtonAction? action = payload.CallbackId switch
        {
            EditShortcut => ButtonAction.Edit,
            UpscaleShortcut => ButtonAction.Upscale,
            AnimateShortcut => ButtonAction.Animate,
            _ => null,
        };
        if (action is null || payload.Message is not { } message)
        {
            return;
        }

        var origin = new SlackOrigin(
            payload.Team?.Id ?? "",
            payload.User?.Id ?? "",
            payload.User?.Name ?? "",
            payload.Channel?.Id ?? "",
            message.Thread,
            payload.ResponseUrl);
        await actions.ActAsync(origin, message, action.Value, payload.TriggerId, cancellationToken).ConfigureAwait(false);
    }
}
