using ChatBot.Core.Replies;
using ChatBot.Slack.Blocks;
using ChatBot.Slack.Inbound.Payloads;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// The Edit… modal: opened on a click (which brings a trigger_id), or, where Slack gives none (a reaction,
/// a shortcut answered later), offered as an ephemeral button whose click opens it.
/// </summary>
internal sealed class SlackEditModal(SlackApiClient api, SlackOutcomeResponder responder)
{
    /// <summary>Opens the modal; <paramref name="metadata"/> says what is edited, and the reply goes to <paramref name="origin"/>.</summary>
    public async Task OpenAsync(SlackOrigin origin, string? trigger, EditModalMetadata metadata, CancellationToken cancellationToken)
    {
        if (trigger is null)
        {
            return;
        }

        var privateMetadata = JsonSerializer.Serialize(metadata with { Channel = origin.Channel, ThreadTs = origin.ThreadTs }, SlackJsonContext.Default.EditModalMetadata);
        try
        {
            await api.CallAsync("views.open", new JsonObject
            {
                ["trigger_id"] = trigger,
                ["view"] = SlackBlocks.EditModal(privateMetadata, metadata.Files is { Count: > 1 } files ? files : null, metadata.Verb, metadata.Outputs ?? 1),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (ex.Error is "expired_trigger_id" or "invalid_trigger_id" or "exchanged_trigger_id")
        {
            await responder.EphemeralAsync(origin, "That took too long for Slack to open the editor. Please click *Edit…* again.", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An ephemeral "Choose files…" button that opens the modal for <paramref name="action"/> on the message at <paramref name="value"/> ("channel|ts").</summary>
    public Task OfferChoiceAsync(SlackOrigin origin, ButtonAction action, string value, CancellationToken cancellationToken) =>
        responder.EphemeralAsync(
            origin,
            "That message has several files: choose which to use.",
            cancellationToken,
            SlackBlocks.ChooseOffer(SlackBlocks.ChooseFilesActionPrefix + action, value, action));

    /// <summary>An ephemeral "Edit…" button (<paramref name="actionId"/>, <paramref name="value"/>) that opens the modal when clicked.</summary>
    public Task OfferAsync(SlackOrigin origin, string actionId, string value, CancellationToken cancellationToken) =>
        responder.EphemeralAsync(
            origin,
            "✏️ Describe the change you want, and I'll edit this image.",
            cancellationToken,
            SlackBlocks.EditOffer(actionId, value.Length > 0 ? value : actionId));
}
