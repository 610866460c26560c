using ChatBot.Core.Commands;
using ChatBot.Core.Replies;
using ChatBot.Discord.Replies;
using ChatBot.Discord.Rest;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// Dispatches a mapped command and renders the engine's <see cref="CommandOutcome"/> on Discord: into an
/// interaction's deferred reply (refusals and private info ephemeral), or into the channel message a reaction
/// answers with (no ephemeral channel there: the member is named instead). A job's views are not rendered
/// here: the engine writes every one of them, the first included, through <see cref="IChatReplies"/>.
/// </summary>
internal sealed partial class DiscordOutcomeResponder(
    DiscordRestClient rest,
    ICommandDispatcher dispatcher,
    ILogger<DiscordOutcomeResponder> logger)
{
    /// <summary>The answer when a mapped command carries neither a request nor a reason.</summary>
    public const string DidNotWork = "That did not work.";

    /// <summary>
    /// The engine's answer to <paramref name="mapped"/>; a refusal made before the engine, or a failed
    /// dispatch (<paramref name="failureText"/>, nothing charged), comes back as <see cref="CommandOutcome.Refused"/>.
    /// </summary>
    public async Task<CommandOutcome> DispatchAsync(MappedCommand mapped, string failureText, CancellationToken cancellationToken)
    {
        if (mapped.Request is not { } request)
        {
            return new CommandOutcome.Refused(mapped.Refusal ?? DidNotWork);
        }

        try
        {
            return await dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DispatchFailed(logger, ex, request.Kind);
            return new CommandOutcome.Refused(failureText);
        }
    }

    /// <summary>Renders an outcome into an interaction's deferred reply (public for jobs, else ephemeral).</summary>
    public async Task RespondAsync(DiscordInteraction interaction, CommandOutcome outcome, bool publicReply, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case CommandOutcome.Accepted:
                break; // The engine has shown the job's first view in the deferred reply (IChatReplies' rule).
            case CommandOutcome.Info { Ephemeral: false } info:
                await rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, DiscordMessageRenderer.Text(info.Text, ephemeral: false), null, cancellationToken).ConfigureAwait(false);
                break;
            case CommandOutcome.Info { Buttons.Count: > 0 } info when !publicReply:
                var withButtons = DiscordMessageRenderer.Text(info.Text, ephemeral: false) with { Components = DiscordMessageRenderer.Buttons(info.Buttons, outputs: 1) };
                await rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, withButtons, null, cancellationToken).ConfigureAwait(false);
                break;
            case CommandOutcome.Info info when !publicReply && PagedCommand(interaction) is { } paged:
                await rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, DiscordPages.Page(info.Text, paged.Page, paged.Command, paged.Argument), null, cancellationToken).ConfigureAwait(false);
                break;
            case CommandOutcome.Info info:
                await PrivateAnswerAsync(interaction, info.Text, publicReply, cancellationToken).ConfigureAwait(false);
                break;
            case CommandOutcome.Refused refused:
                await PrivateAnswerAsync(interaction, refused.Message, publicReply, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The long lists shown in pages: <c>/models</c> and <c>/help</c>, or a Previous/Next button of one.</summary>
    private static (int Page, string Command, string? Argument)? PagedCommand(DiscordInteraction interaction)
    {
        if (DiscordPages.TryDecode(interaction.Data?.CustomId, out var page, out var command, out var argument))
        {
            return (page, command, argument);
        }

        var values = new SlashOptionValues(interaction.Data?.Options);
        return interaction.Data?.Name switch
        {
            "models" => (0, "models", values.Str("operation")),
            "help" => (0, "help", values.Str("command")),
            _ => null,
        };
    }

    /// <summary>Renders an outcome into the placeholder message a reaction was answered with.</summary>
    public async Task RespondInChannelAsync(string channelId, string messageId, string userId, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome is CommandOutcome.Accepted)
        {
            return; // The engine has shown the job's first view in the placeholder (IChatReplies' rule).
        }

        var text = outcome switch
        {
            CommandOutcome.Info info => info.Text,
            CommandOutcome.Refused refused => refused.Message,
            _ => DidNotWork,
        };

        // Reactions have no ephemeral channel: answer the member by name in the placeholder.
        var payload = DiscordMessageRenderer.Text($"<@{userId}> {text}", ephemeral: false) with { AllowedMentions = new AllowedMentions([], [userId]) };
        await rest.EditChannelMessageAsync(channelId, messageId, payload, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An answer only the member sees: into the ephemeral deferral, or replacing a public one with an ephemeral followup.</summary>
    private async Task PrivateAnswerAsync(DiscordInteraction interaction, string text, bool publicReply, CancellationToken cancellationToken)
    {
        if (!publicReply)
        {
            await rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, DiscordMessageRenderer.Text(text, ephemeral: false), null, cancellationToken).ConfigureAwait(false);
            return;
        }

        await rest.DeleteOriginalAsync(interaction.ApplicationId, interaction.Token, cancellationToken).ConfigureAwait(false);
        await rest.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, DiscordMessageRenderer.Text(text, ephemeral: true), null, cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4503, Level = LogLevel.Error, Message = "Dispatching a Discord {Kind} command failed")]
        public static partial void DispatchFailed(ILogger logger, Exception exception, CommandKind kind);
    }
}
