using ChatBot.Core.Replies;

namespace ChatBot.Core.Commands;

/// <summary>Turns a pressed button (or a reaction, or a context-menu entry) into the command it means.</summary>
public static class ButtonCommands
{
    public static CommandKind ToKind(ButtonAction action) => action switch
    {
        ButtonAction.Upscale => CommandKind.Upscale,
        ButtonAction.Vary => CommandKind.Vary,
        ButtonAction.Reroll => CommandKind.Reroll,
        ButtonAction.Animate => CommandKind.Animate,
        ButtonAction.RemoveBackground => CommandKind.RemoveBackground,
        ButtonAction.Edit => CommandKind.Edit,
        ButtonAction.Cancel => CommandKind.Cancel,
        ButtonAction.SaveToGallery => CommandKind.SaveToGallery,
        ButtonAction.Extend => CommandKind.Video,
        ButtonAction.VaryRegion => CommandKind.VaryRegion,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>
    /// The request a button press means. <paramref name="prompt"/> is what an "Edit…" modal asked for.
    /// </summary>
    public static CommandRequest ToRequest(
        ButtonAction action,
        string jobId,
        int? outputIndex,
        Actor actor,
        Conversation conversation,
        ReplyHandle reply,
        string? prompt = null)
    {
        var kind = ToKind(action);
        var options = kind == CommandKind.Cancel
            ? new CommandOptions { JobId = jobId }
            : prompt is null ? new CommandOptions() : CommandText.ApplyInlineFlags(kind, new CommandOptions { Prompt = prompt }).Options;
        if (action == ButtonAction.Extend)
        {
            options = options with { Mode = Handlers.VideoExtension.Mode };
        }

        return new CommandRequest(kind, actor, conversation, options, [], reply)
        {
            SourceJobId = kind == CommandKind.Cancel ? null : jobId,
            SourceOutputIndex = outputIndex,
            RawText = $"[button {action}]",
        };
    }
}
