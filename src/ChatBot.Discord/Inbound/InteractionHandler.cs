using ChatBot.Core.Catalog;
using ChatBot.Core.Platform;
using ChatBot.Core.Replies;
using ChatBot.Discord.Replies;
using ChatBot.Discord.Rest;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// Every interaction, from the gateway or the HTTP endpoint: acknowledge first (public deferred for jobs,
/// ephemeral for everything else), then map and hand over to <see cref="DiscordOutcomeResponder"/>.
/// Replays run nothing twice.
/// </summary>
internal sealed partial class InteractionHandler(
    DiscordRestClient rest,
    DiscordCommandMapper mapper,
    DiscordOutcomeResponder responder,
    IEventDeduplicator deduplicator,
    InteractionAcks acks,
    ModelCatalog catalog,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<InteractionHandler> logger,
    ChatBot.Core.Metrics.ChatBotMetrics? metrics = null,
    ChatBot.Core.Providers.ProviderRouter? router = null)
{
    /// <summary>When each interaction in hand arrived (timestamps), for the acknowledgement-latency series.</summary>
    private readonly ConcurrentDictionary<string, long> _received = new(StringComparer.Ordinal);

    public const string DeduplicationSource = "discord:interaction";

    /// <summary>Modal custom id for editing a message's image: <c>dc:edit:{channel}:{message}</c>.</summary>
    public const string MessageEditModalPrefix = "dc:edit:";

    /// <summary>Button custom id that opens that modal: <c>dx:edit:{channel}:{message}</c>.</summary>
    public const string MessageEditButtonPrefix = "dx:edit:";

    private const string DispatchFailedText = "Something went wrong on my side; nothing was charged. Please try again.";

    public async Task HandleAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        if (interaction.Type == DiscordInteraction.Ping)
        {
            return;
        }

        if (!await deduplicator.TryMarkAsync(DeduplicationSource, interaction.Id, cancellationToken).ConfigureAwait(false))
        {
            Log.Duplicate(logger, interaction.Id);
            return;
        }

        var reply = new DiscordReplyHandle(
            interaction.ApplicationId,
            interaction.Token,
            interaction.ChannelId ?? interaction.Channel?.Id ?? "",
            null,
            time.GetUtcNow().ToUnixTimeMilliseconds(),
            interaction.AttachmentSizeLimit ?? options.Value.DefaultAttachmentSizeLimit).ToReplyHandle();

        _received[interaction.Id] = time.GetTimestamp();
        var handling = interaction.Type switch
        {
            DiscordInteraction.ApplicationCommand when interaction.Data?.Type == 3 => HandleMessageMenuAsync(interaction, reply, cancellationToken),
            DiscordInteraction.ApplicationCommand => HandleSlashAsync(interaction, reply, cancellationToken),
            DiscordInteraction.MessageComponent => HandleComponentAsync(interaction, reply, cancellationToken),
            DiscordInteraction.Autocomplete => HandleAutocompleteAsync(interaction, cancellationToken),
            DiscordInteraction.ModalSubmit => HandleModalAsync(interaction, reply, cancellationToken),
            _ => Task.CompletedTask,
        };
        try
        {
            await handling.ConfigureAwait(false);
        }
        finally
        {
            _received.TryRemove(interaction.Id, out _);
        }
    }

    private async Task HandleSlashAsync(DiscordInteraction interaction, ReplyHandle reply, CancellationToken cancellationToken)
    {
        if (DiscordCommandKinds.OfSlash(interaction.Data?.Name) is not { } kind)
        {
            await RespondAsync(interaction, Ephemeral("I don't know that command."), cancellationToken).ConfigureAwait(false);
            return;
        }

        var isJob = kind.RepliesInPublic();
        if (await DeferAsync(interaction, ephemeral: !isJob, cancellationToken).ConfigureAwait(false))
        {
            await RunAsync(interaction, mapper.MapSlash(interaction, kind, reply), publicReply: isJob, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleMessageMenuAsync(DiscordInteraction interaction, ReplyHandle reply, CancellationToken cancellationToken)
    {
        var data = interaction.Data!;
        var target = data.TargetId is { } id ? data.Resolved?.Messages?.GetValueOrDefault(id) : null;
        if (DiscordCommandKinds.OfMenu(data.Name) is not { } kind || target is null)
        {
            await RespondAsync(interaction, Ephemeral("I can't use that message."), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (MessageImageChoice.Images(target) is { Count: > 1 } images)
        {
            await RespondAsync(interaction, new InteractionResponse(InteractionResponse.ChannelMessage, MessageImageChoice.Offer(kind, target, images)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (kind == CommandKind.Edit)
        {
            // The prompt comes first: ask for it in a modal, and fetch the message again when it is submitted.
            await OpenEditModalAsync(interaction, $"{MessageEditModalPrefix}{target.ChannelId}:{target.Id}", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await DeferAsync(interaction, ephemeral: false, cancellationToken).ConfigureAwait(false))
        {
            var mapped = mapper.MapMessageAction(kind, DiscordActors.ActorOf(interaction), DiscordActors.ConversationOf(interaction), target, null, reply);
            await RunAsync(interaction, mapped, publicReply: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleComponentAsync(DiscordInteraction interaction, ReplyHandle reply, CancellationToken cancellationToken)
    {
        var customId = interaction.Data?.CustomId;
        if (customId?.StartsWith(MessageEditButtonPrefix, StringComparison.Ordinal) == true)
        {
            await OpenEditModalAsync(interaction, MessageEditModalPrefix + customId[MessageEditButtonPrefix.Length..], cancellationToken).ConfigureAwait(false);
            return;
        }

        if (MessageImageChoice.TryDecode(customId, out var picked, out var pickedChannel, out var pickedMessage, out var pickedIndex))
        {
            await PickImageAsync(interaction, picked, pickedChannel, pickedMessage, pickedIndex, reply, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (DiscordPages.TryDecode(customId, out _, out var command, out var argument))
        {
            await TurnPageAsync(interaction, command, argument, reply, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!ButtonId.TryDecode(customId, out var action, out var jobId, out var index))
        {
            await RespondAsync(interaction, Ephemeral("This button no longer works."), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (action == ButtonAction.Edit)
        {
            await OpenEditModalAsync(interaction, customId!, cancellationToken).ConfigureAwait(false);
            return;
        }

        var isJob = !EarlyDeferral.AnswersPrivately(action);
        if (await DeferAsync(interaction, ephemeral: !isJob, cancellationToken).ConfigureAwait(false))
        {
            await RunAsync(interaction, DiscordCommandMapper.MapButton(interaction, action, jobId, index, null, reply), publicReply: isJob, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Previous/Next under a paged list: the command runs again and its message shows the other page.</summary>
    private async Task TurnPageAsync(DiscordInteraction interaction, string command, string? argument, ReplyHandle reply, CancellationToken cancellationToken)
    {
        if (DiscordCommandKinds.OfSlash(command) is not { } kind || kind.StartsJob())
        {
            await RespondAsync(interaction, Ephemeral("This button no longer works."), cancellationToken).ConfigureAwait(false);
            return;
        }

        var deferUpdate = new InteractionResponse(InteractionResponse.DeferredUpdateMessage, null);
        if (await RespondAsync(interaction, deferUpdate, cancellationToken).ConfigureAwait(false))
        {
            var request = new CommandRequest(kind, DiscordActors.ActorOf(interaction), DiscordActors.ConversationOf(interaction), new CommandOptions { Prompt = argument }, [], reply);
            await RunAsync(interaction, new MappedCommand(request, null), publicReply: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleModalAsync(DiscordInteraction interaction, ReplyHandle reply, CancellationToken cancellationToken)
    {
        var customId = interaction.Data?.CustomId ?? "";
        var prompt = interaction.Data?.Components is { } components ? ModalInputs.Find(components, DiscordMessageRenderer.PromptInputId) : null;
        if (!await DeferAsync(interaction, ephemeral: false, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        MappedCommand mapped;
        if (customId.StartsWith(MessageEditModalPrefix, StringComparison.Ordinal)
            && customId[MessageEditModalPrefix.Length..].Split(':') is [var channelId, var messageId, .. var rest])
        {
            int? image = rest is [var i] && int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            mapped = await MapOnMessageAsync(interaction, CommandKind.Edit, channelId, messageId, prompt, image, reply, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            mapped = ButtonId.TryDecode(customId, out var action, out var jobId, out var index)
                ? DiscordCommandMapper.MapButton(interaction, action, jobId, index, prompt, reply)
                : MappedCommand.Refuse("This form no longer works.");
        }

        await RunAsync(interaction, mapped, publicReply: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The image a member picked on a message with several: Edit asks for the prompt first, the others run at once.</summary>
    private async Task PickImageAsync(DiscordInteraction interaction, CommandKind kind, string channelId, string messageId, int index, ReplyHandle reply, CancellationToken cancellationToken)
    {
        if (kind == CommandKind.Edit)
        {
            await OpenEditModalAsync(interaction, string.Create(CultureInfo.InvariantCulture, $"{MessageEditModalPrefix}{channelId}:{messageId}:{index}"), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await DeferAsync(interaction, ephemeral: false, cancellationToken).ConfigureAwait(false))
        {
            var mapped = await MapOnMessageAsync(interaction, kind, channelId, messageId, null, index, reply, cancellationToken).ConfigureAwait(false);
            await RunAsync(interaction, mapped, publicReply: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An action on a message's image, after a modal or a choice: the message is fetched again, as it is now.</summary>
    private async Task<MappedCommand> MapOnMessageAsync(DiscordInteraction interaction, CommandKind kind, string channelId, string messageId, string? prompt, int? image, ReplyHandle reply, CancellationToken cancellationToken)
    {
        DiscordMessage target;
        try
        {
            target = await rest.GetChannelMessageAsync(channelId, messageId, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException)
        {
            return MappedCommand.Refuse("I can't read that message any more.");
        }

        return mapper.MapMessageAction(kind, DiscordActors.ActorOf(interaction), DiscordActors.ConversationOf(interaction), target, prompt, reply, image);
    }

    private async Task HandleAutocompleteAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var choices = ModelAutocomplete.Choices(catalog, interaction.Data, router is null ? null : router.CanRun);
        await RespondAsync(interaction, new InteractionResponse(InteractionResponse.AutocompleteResult, new MessagePayload { Choices = choices }), cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(DiscordInteraction interaction, MappedCommand mapped, bool publicReply, CancellationToken cancellationToken)
    {
        var outcome = await responder.DispatchAsync(mapped, DispatchFailedText, cancellationToken).ConfigureAwait(false);
        await responder.RespondAsync(interaction, outcome, publicReply, cancellationToken).ConfigureAwait(false);
    }

    private Task<bool> OpenEditModalAsync(DiscordInteraction interaction, string modalId, CancellationToken cancellationToken) =>
        RespondAsync(interaction, new InteractionResponse(InteractionResponse.Modal, DiscordMessageRenderer.EditModal(modalId, prompt: null)), cancellationToken);

    private Task<bool> DeferAsync(DiscordInteraction interaction, bool ephemeral, CancellationToken cancellationToken) =>
        RespondAsync(
            interaction,
            new InteractionResponse(InteractionResponse.DeferredChannelMessage, ephemeral ? new MessagePayload { Flags = MessagePayload.Ephemeral } : null),
            cancellationToken);

    private async Task<bool> RespondAsync(DiscordInteraction interaction, InteractionResponse response, CancellationToken cancellationToken)
    {
        // Sent already, as soon as the event was parsed (the same answer: EarlyDeferral mirrors this handler).
        if (acks.TryTake(interaction.Id, out var early))
        {
            return await early.ConfigureAwait(false);
        }

        try
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken).ConfigureAwait(false);
            if (metrics is not null && _received.TryGetValue(interaction.Id, out var received))
            {
                metrics.Acknowledged(ChatBot.Core.Platform.PlatformNames.Discord, time.GetElapsedTime(received));
            }

            return true;
        }
        catch (DiscordApiException ex)
        {
            // Too late (over 3 s) or already answered: nothing was dispatched, so nothing is charged.
            Log.AckFailed(logger, interaction.Id, ex.Code);
            return false;
        }
    }

    private static InteractionResponse Ephemeral(string text) =>
        new(InteractionResponse.ChannelMessage, DiscordMessageRenderer.Text(text, ephemeral: true));

    private static partial class Log
    {
        [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "Discord interaction {InteractionId} seen before; not running it again")]
        public static partial void Duplicate(ILogger logger, string interactionId);

        [LoggerMessage(EventId = 4502, Level = LogLevel.Warning, Message = "Could not acknowledge Discord interaction {InteractionId} (code {Code})")]
        public static partial void AckFailed(ILogger logger, string interactionId, int code);
    }
}
