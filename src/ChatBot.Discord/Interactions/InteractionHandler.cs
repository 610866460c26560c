using System.Text.Json;
using ChatBot.Core.Catalog;
using ChatBot.Core.Commands;
using ChatBot.Core.Model;
using ChatBot.Core.Platform;
using ChatBot.Core.Replies;
using ChatBot.Discord.Commands;
using ChatBot.Discord.Replies;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Interactions;

/// <summary>
/// Every interaction, from the gateway or the HTTP endpoint: acknowledge first (public deferred for jobs,
/// ephemeral for everything else), then map, dispatch and render the outcome. Replays run nothing twice.
/// </summary>
internal sealed partial class InteractionHandler(
    DiscordRestClient rest,
    DiscordCommandMapper mapper,
    ICommandDispatcher dispatcher,
    IEventDeduplicator deduplicator,
    ModelCatalog catalog,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<InteractionHandler> logger)
{
    public const string DeduplicationSource = "discord:interaction";

    /// <summary>Modal custom id for editing a message's image: <c>dc:edit:{channel}:{message}</c>.</summary>
    public const string MessageEditModalPrefix = "dc:edit:";

    /// <summary>Button custom id that opens that modal: <c>dx:edit:{channel}:{message}</c>.</summary>
    public const string MessageEditButtonPrefix = "dx:edit:";

    public async Task HandleAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        if (interaction.Type == DiscordInteraction.Ping)
        {
            return;
        }

        if (!await deduplicator.TryMarkAsync(DeduplicationSource, interaction.Id, cancellationToken))
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

        switch (interaction.Type)
        {
            case DiscordInteraction.ApplicationCommand when interaction.Data?.Type == 3:
                await HandleMessageMenuAsync(interaction, reply, cancellationToken);
                break;
            case DiscordInteraction.ApplicationCommand:
                await HandleSlashAsync(interaction, reply, cancellationToken);
                break;
            case DiscordInteraction.MessageComponent:
                await HandleComponentAsync(interaction, reply, cancellationToken);
                break;
            case DiscordInteraction.Autocomplete:
                await HandleAutocompleteAsync(interaction, cancellationToken);
                break;
            case DiscordInteraction.ModalSubmit:
                await HandleModalAsync(interaction, reply, cancellationToken);
                break;
        }
    }

    private async Task HandleSlashAsync(DiscordInteraction interaction, ReplyHandle reply, CancellationToken cancellationToken)
    {
        if (DiscordCommandMapper.KindOfSlash(interaction.Data?.Name) is not { } kind)
        {
            await RespondAsync(interaction, new InteractionResponse(InteractionResponse.ChannelMessage, DiscordMessageRenderer.Text("I don't know that command.", ephemeral: true)), cancellationToken);
            return;
        }

        var isJob = DiscordCommandMapper.StartsJob(kind);
        if (await DeferAsync(interaction, ephemeral: !isJob, cancellationToken))
        {
            await RunAsync(interaction, mapper.MapSlash(interaction, kind, reply), publicReply: isJob, cancellationToken);
        }
    }

    private async Task HandleMessageMenuAsync(DiscordInteraction interaction, ReplyHandle reply, CancellationToken cancellationToken)
    {
        var data = interaction.Data!;
        var target = data.TargetId is { } id ? data.Resolved?.Messages?.GetValueOrDefault(id) : null;
        if (DiscordCommandMapper.KindOfMenu(data.Name) is not { } kind || target is null)
        {
            await RespondAsync(interaction, new InteractionResponse(InteractionResponse.ChannelMessage, DiscordMessageRenderer.Text("I can't use that message.", ephemeral: true)), cancellationToken);
            return;
        }

        if (kind == CommandKind.Edit)
        {
            // The prompt comes first: ask for it in a modal, and fetch the message again when it is submitted.
            var modal = DiscordMessageRenderer.EditModal($"{MessageEditModalPrefix}{target.ChannelId}:{target.Id}", prompt: null);
            await RespondAsync(interaction, new InteractionResponse(InteractionResponse.Modal, modal), cancellationToken);
            return;
        }

        if (await DeferAsync(interaction, ephemeral: false, cancellationToken))
        {
            var mapped = mapper.MapMessageAction(kind, DiscordCommandMapper.ActorOf(interaction), DiscordCommandMapper.ConversationOf(interaction), target, null, reply);
            await RunAsync(interaction, mapped, publicReply: true, cancellationToken);
        }
    }

    private async Task HandleComponentAsync(DiscordInteraction interaction, ReplyHandle reply, CancellationToken cancellationToken)
    {
        var customId = interaction.Data?.CustomId;
        if (customId?.StartsWith(MessageEditButtonPrefix, StringComparison.Ordinal) == true)
        {
            var modal = DiscordMessageRenderer.EditModal(MessageEditModalPrefix + customId[MessageEditButtonPrefix.Length..], prompt: null);
            await RespondAsync(interaction, new InteractionResponse(InteractionResponse.Modal, modal), cancellationToken);
            return;
        }

        if (!ButtonId.TryDecode(customId, out var action, out var jobId, out var index))
        {
            await RespondAsync(interaction, new InteractionResponse(InteractionResponse.ChannelMessage, DiscordMessageRenderer.Text("This button no longer works.", ephemeral: true)), cancellationToken);
            return;
        }

        if (action == ButtonAction.Edit)
        {
            await RespondAsync(interaction, new InteractionResponse(InteractionResponse.Modal, DiscordMessageRenderer.EditModal(customId!, prompt: null)), cancellationToken);
            return;
        }

        var isJob = action != ButtonAction.Cancel;
        if (await DeferAsync(interaction, ephemeral: !isJob, cancellationToken))
        {
            await RunAsync(interaction, DiscordCommandMapper.MapButton(interaction, action, jobId, index, null, reply), publicReply: isJob, cancellationToken);
        }
    }

    private async Task HandleModalAsync(DiscordInteraction interaction, ReplyHandle reply, CancellationToken cancellationToken)
    {
        var customId = interaction.Data?.CustomId ?? "";
        var prompt = interaction.Data?.Components is { } components ? FindInput(components, DiscordMessageRenderer.PromptInputId) : null;
        if (!await DeferAsync(interaction, ephemeral: false, cancellationToken))
        {
            return;
        }

        if (customId.StartsWith(MessageEditModalPrefix, StringComparison.Ordinal)
            && customId[MessageEditModalPrefix.Length..].Split(':') is [var channelId, var messageId])
        {
            DiscordMessage target;
            try
            {
                target = await rest.GetChannelMessageAsync(channelId, messageId, cancellationToken);
            }
            catch (DiscordApiException)
            {
                await RunAsync(interaction, MappedCommand.Refuse("I can't read that message any more."), publicReply: true, cancellationToken);
                return;
            }

            var mapped = mapper.MapMessageAction(CommandKind.Edit, DiscordCommandMapper.ActorOf(interaction), DiscordCommandMapper.ConversationOf(interaction), target, prompt, reply);
            await RunAsync(interaction, mapped, publicReply: true, cancellationToken);
            return;
        }

        var result = ButtonId.TryDecode(customId, out var action, out var jobId, out var index)
            ? DiscordCommandMapper.MapButton(interaction, action, jobId, index, prompt, reply)
            : MappedCommand.Refuse("This form no longer works.");
        await RunAsync(interaction, result, publicReply: true, cancellationToken);
    }

    private async Task HandleAutocompleteAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var focused = Focused(interaction.Data?.Options);
        var typed = focused?.Value is { ValueKind: JsonValueKind.String } v ? v.GetString() ?? "" : "";
        IEnumerable<ModelDefinition> models = interaction.Data?.Name switch
        {
            "imagine" => catalog.For(MediaOperation.Imagine),
            "edit" => catalog.Models.Where(m => m.Operations.Any(o => o is MediaOperation.Edit or MediaOperation.Inpaint or MediaOperation.Reframe or MediaOperation.RemoveBackground)),
            "video" => catalog.For(MediaOperation.Video),
            "upscale" => catalog.For(MediaOperation.Upscale),
            _ => catalog.Models,
        };
        var choices = models
            .Where(m => typed.Length == 0 || m.Id.Contains(typed, StringComparison.OrdinalIgnoreCase) || m.DisplayName.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .Take(25)
            .Select(m => new AutocompleteChoice(Label(m), m.Id))
            .ToList();
        await RespondAsync(interaction, new InteractionResponse(InteractionResponse.AutocompleteResult, new MessagePayload { Choices = choices }), cancellationToken);
    }

    /// <summary>Dispatches a mapped command and renders an outcome that runs no job into the deferred reply.</summary>
    private async Task RunAsync(DiscordInteraction interaction, MappedCommand mapped, bool publicReply, CancellationToken cancellationToken)
    {
        if (mapped.Request is not { } request)
        {
            await PrivateAnswerAsync(interaction, mapped.Refusal ?? "That did not work.", publicReply, cancellationToken);
            return;
        }

        CommandOutcome outcome;
        try
        {
            outcome = await dispatcher.DispatchAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DispatchFailed(logger, ex, request.Kind);
            await PrivateAnswerAsync(interaction, "Something went wrong on my side; nothing was charged. Please try again.", publicReply, cancellationToken);
            return;
        }

        switch (outcome)
        {
            case CommandOutcome.Accepted:
                break; // The engine has shown the job's first view in the deferred reply (IChatReplies' rule).
            case CommandOutcome.Info { Ephemeral: false } info:
                await rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, DiscordMessageRenderer.Text(info.Text, ephemeral: false), null, cancellationToken);
                break;
            case CommandOutcome.Info info:
                await PrivateAnswerAsync(interaction, info.Text, publicReply, cancellationToken);
                break;
            case CommandOutcome.Refused refused:
                await PrivateAnswerAsync(interaction, refused.Message, publicReply, cancellationToken);
                break;
        }
    }

    /// <summary>An answer only the member sees: into the ephemeral deferral, or replacing a public one with an ephemeral followup.</summary>
    private async Task PrivateAnswerAsync(DiscordInteraction interaction, string text, bool publicReply, CancellationToken cancellationToken)
    {
        if (!publicReply)
        {
            await rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, DiscordMessageRenderer.Text(text, ephemeral: false), null, cancellationToken);
            return;
        }

        await rest.DeleteOriginalAsync(interaction.ApplicationId, interaction.Token, cancellationToken);
        await rest.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, DiscordMessageRenderer.Text(text, ephemeral: true), null, cancellationToken);
    }

    private async Task<bool> DeferAsync(DiscordInteraction interaction, bool ephemeral, CancellationToken cancellationToken) =>
        await RespondAsync(
            interaction,
            new InteractionResponse(InteractionResponse.DeferredChannelMessage, ephemeral ? new MessagePayload { Flags = MessagePayload.Ephemeral } : null),
            cancellationToken);

    private async Task<bool> RespondAsync(DiscordInteraction interaction, InteractionResponse response, CancellationToken cancellationToken)
    {
        try
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken);
            return true;
        }
        catch (DiscordApiException ex)
        {
            // Too late (over 3 s) or already answered: nothing was dispatched, so nothing is charged.
            Log.AckFailed(logger, interaction.Id, ex.Code);
            return false;
        }
    }

    private static InteractionOption? Focused(IReadOnlyList<InteractionOption>? options)
    {
        foreach (var option in options ?? [])
        {
            if (option.Focused == true)
            {
                return option;
            }

            if (Focused(option.Options) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    /// <summary>Finds a text input's value anywhere in a modal's components (Label or legacy Action Row).</summary>
    internal static string? FindInput(JsonElement element, string customId)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInput(item, customId) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (element.TryGetProperty("custom_id", out var id) && id.GetString() == customId
                    && element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object && FindInput(property.Value, customId) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string Label(ModelDefinition model)
    {
        var label = model.DisplayName.Length > 0 ? $"{model.DisplayName} ({model.Id})" : model.Id;
        return label.Length <= 100 ? label : label[..100];
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "Discord interaction {InteractionId} seen before; not running it again")]
        public static partial void Duplicate(ILogger logger, string interactionId);

        [LoggerMessage(EventId = 4502, Level = LogLevel.Warning, Message = "Could not acknowledge Discord interaction {InteractionId} (code {Code})")]
        public static partial void AckFailed(ILogger logger, string interactionId, int code);

        [LoggerMessage(EventId = 4503, Level = LogLevel.Error, Message = "Dispatching a Discord {Kind} command failed")]
        public static partial void DispatchFailed(ILogger logger, Exception exception, CommandKind kind);
    }
}
