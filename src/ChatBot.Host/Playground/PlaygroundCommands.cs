using ChatBot.Core.Commands;
using ChatBot.Core.Commands.Regions;
using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using ChatBot.Core.Replies;
using ChatBot.Host.Regions;

namespace ChatBot.Host.Playground;

/// <summary>
/// The Playground adapter proper: turns a typed message or a button press into a <see cref="CommandRequest"/>,
/// dispatches it, and shows the outcome as a reply in the channel.
/// </summary>
internal sealed partial class PlaygroundCommands(
    ICommandDispatcher dispatcher,
    PlaygroundUploads uploads,
    PlaygroundReplyStore replies,
    PlaygroundAdmin admin,
    RegionMasks regions,
    IOptions<MediaOptions> mediaOptions,
    ILogger<PlaygroundCommands> logger)
{
    public const string TenantId = "playground";

    private static readonly Conversation Channel = new("general");

    /// <summary>
    /// Handles a typed message; the reply exists (and carries any refusal) when this returns. <paramref name="isAdmin"/>
    /// comes from the session; null lets <see cref="PlaygroundAdmin"/> decide (API-token requests).
    /// </summary>
    public async Task<PlaygroundReply> PostAsync(string user, bool? isAdmin, string text, IReadOnlyList<AttachmentUpload> attachments, CancellationToken cancellationToken)
    {
        var reply = replies.Create(user.Trim(), text);
        var actor = await ActorAsync(user, isAdmin, cancellationToken).ConfigureAwait(false);

        var parsed = CommandText.Parse(text);
        if (parsed.Error is not null || parsed.Kind is not { } kind)
        {
            return Refuse(reply.Id, actor, parsed.Error ?? "Commands start with a slash: try `/imagine a lighthouse at dusk`, or `/help`.");
        }

        var inputs = new List<MediaRef>();
        foreach (var attachment in attachments)
        {
            var (input, refusal) = ReadAttachment(attachment);
            if (refusal is not null)
            {
                uploads.Remove(inputs);
                return Refuse(reply.Id, actor, refusal);
            }

            inputs.Add(input!);
        }

        var commandOptions = parsed.Options;
        if (commandOptions.TargetUserId is { } target)
        {
            // "@bob" in the Playground names the account of the user "bob".
            commandOptions = commandOptions with { TargetUserId = PlaygroundUser.ToUserId(target) };
        }

        var request = new CommandRequest(kind, actor, Channel, commandOptions, inputs, Handle(reply.Id)) { RawText = text };
        LogMessage(logger, reply.Id, actor.UserId, kind);
        try
        {
            return await DispatchAsync(reply.Id, request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The engine has stored what it accepted; the rest never touches the disk.
            uploads.Remove(inputs);
        }
    }

    /// <summary>
    /// Presses a result button; the new command gets a reply of its own. Vary (Region) takes the <paramref name="mask"/>
    /// the page's editor painted, and runs as an inpaint of that picture.
    /// </summary>
    public async Task<PlaygroundReply?> PressAsync(string replyId, string buttonId, string user, bool? isAdmin, string? prompt, string? mask, CancellationToken cancellationToken)
    {
        if (!ButtonId.TryDecode(buttonId, out var action, out var jobId, out var outputIndex))
        {
            return null;
        }

        var label = replies.Get(replyId)?.Buttons.FirstOrDefault(b => b.Id == buttonId)?.Label ?? action.ToString();
        var message = prompt is { Length: > 0 } ? $"[{label}] {prompt}" : $"[{label}]";
        var reply = replies.Create(user.Trim(), message);
        var actor = await ActorAsync(user, isAdmin, cancellationToken).ConfigureAwait(false);

        CommandRequest request;
        if (action == ButtonAction.VaryRegion)
        {
            if (prompt is not { Length: > 0 })
            {
                return Refuse(reply.Id, actor, "Describe what should appear in the painted area.");
            }

            var (maskRef, model, refusal) = await regions.PrepareAsync(jobId, outputIndex ?? 0, actor, mask, cancellationToken).ConfigureAwait(false);
            if (maskRef is null)
            {
                return Refuse(reply.Id, actor, refusal!);
            }

            request = RegionEdit.ToRequest(jobId, outputIndex ?? 0, actor, Channel, Handle(reply.Id), prompt, maskRef, model);
        }
        else
        {
            request = ButtonCommands.ToRequest(action, jobId, outputIndex, actor, Channel, Handle(reply.Id), prompt is { Length: > 0 } ? prompt : null);
        }

        LogButton(logger, reply.Id, actor.UserId, action, jobId);
        return await DispatchAsync(reply.Id, request, cancellationToken).ConfigureAwait(false);
    }

    private static ReplyHandle Handle(string replyId) => new(PlatformNames.Playground, replyId);

    private async Task<Actor> ActorAsync(string user, bool? isAdmin, CancellationToken cancellationToken)
    {
        var userId = PlaygroundUser.ToUserId(user);
        var granted = isAdmin ?? await admin.IsAdminAsync(userId, cancellationToken).ConfigureAwait(false);
        return new Actor(PlatformNames.Playground, TenantId, userId, user.Trim(), granted);
    }

    private async Task<PlaygroundReply> DispatchAsync(string replyId, CommandRequest request, CancellationToken cancellationToken)
    {
        CommandOutcome outcome;
        try
        {
            outcome = await dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Withdrawn(replyId);
            throw;
        }
        catch (Exception ex)
        {
            return Failed(replyId, ex);
        }

        switch (outcome)
        {
            case CommandOutcome.Accepted accepted:
                // The engine has already applied the job's first view to this reply (IChatReplies' rule).
                LogAccepted(logger, replyId, accepted.JobId);
                return replies.Get(replyId)!;
            case CommandOutcome.Info info:
                // Info answers can carry buttons too (a Cancel per running job in /jobs); the page renders and presses them like a job's.
                return Show(replyId, ReplyStatus.Succeeded, info.Text, info.Ephemeral, info.Buttons);
            case CommandOutcome.Refused refused:
                return Refuse(replyId, request.Actor, refused.Message);
            default:
                throw new InvalidOperationException($"Unknown outcome {outcome.GetType().Name}.");
        }
    }

    private void Withdrawn(string replyId) =>
        Show(replyId, ReplyStatus.Cancelled, "The request was withdrawn before the bot took it; nothing was charged.", ephemeral: true);

    private PlaygroundReply Failed(string replyId, Exception exception)
    {
        LogDispatchFailed(logger, replyId, exception);
        return Show(replyId, ReplyStatus.Failed, "Something went wrong on our side; nothing was charged. Please try again.", ephemeral: true);
    }

    private PlaygroundReply Refuse(string replyId, Actor actor, string message)
    {
        LogRefused(logger, replyId, actor.UserId, message);
        return Show(replyId, ReplyStatus.Refused, message, ephemeral: true);
    }

    private PlaygroundReply Show(string replyId, ReplyStatus status, string text, bool ephemeral, IReadOnlyList<ReplyButton>? buttons = null) =>
        replies.Change(replyId, current => (current ?? new PlaygroundReply { Id = replyId }) with
        {
            Status = status,
            Text = text,
            Ephemeral = ephemeral,
            Buttons = buttons ?? current?.Buttons ?? [],
        })!;

    /// <summary>Caps the size first, then sniffs the bytes; only real media goes on to the engine, which stores what it accepts.</summary>
    private (MediaRef? Input, string? Refusal) ReadAttachment(AttachmentUpload attachment)
    {
        var name = string.IsNullOrWhiteSpace(attachment.FileName) ? "attachment" : Path.GetFileName(attachment.FileName.Trim());
        var data = attachment.DataBase64 ?? "";
        var max = mediaOptions.Value.MaxInputBytes;
        if (DecodedLength(data) > max)
        {
            return (null, $"`{name}` is larger than the {FormatBytes(max)} limit for attachments.");
        }

        var bytes = new byte[DecodedLength(data)];
        if (!Convert.TryFromBase64String(data, bytes, out var written) || written == 0)
        {
            return (null, $"`{name}` could not be read: the attachment is empty or not valid base64.");
        }

        var content = bytes.AsMemory(0, written);
        if (MediaSniffer.Sniff(content.Span[..Math.Min(written, MediaSniffer.HeaderBytes)]) is not { } sniffed || sniffed.Kind == MediaKind.Unknown)
        {
            return (null, $"`{name}` is not an image or video the bot can read (PNG, JPEG, WebP, GIF, MP4 or WebM).");
        }

        var declared = attachment.Role?.Trim().ToLowerInvariant();
        MediaRole role;
        switch (declared)
        {
            case null or "" or "image":
                role = sniffed.Kind switch
                {
                    MediaKind.Video => MediaRole.Video,
                    MediaKind.Audio => MediaRole.Audio,
                    _ => MediaRole.Image,
                };
                break;
            case "mask" or "reference" or "last-frame" when sniffed.Kind != MediaKind.Image:
                return (null, $"`{name}` can't be the {declared}: it is not an image.");
            case "mask":
                role = MediaRole.Mask;
                break;
            case "reference":
                role = MediaRole.Reference;
                break;
            case "last-frame":
                role = MediaRole.LastFrame;
                break;
            case "audio":
                role = MediaRole.Audio;
                break;
            case "video":
                role = MediaRole.Video;
                break;
            default:
                return (null, $"`{name}` has the role `{attachment.Role}`; use image, mask, reference, last-frame, audio or video.");
        }

        return (uploads.Add(content, name, sniffed.ContentType, role), null);
    }

    private static int DecodedLength(string base64)
    {
        var padding = base64.EndsWith("==", StringComparison.Ordinal) ? 2 : base64.EndsWith('=') ? 1 : 0;
        return (int)Math.Max(0, (base64.Length * 3L / 4) - padding);
    }

    private static string FormatBytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    [LoggerMessage(6001, LogLevel.Information, "Playground message {ReplyId} from {UserId}: {Kind}")]
    private static partial void LogMessage(ILogger logger, string replyId, string userId, CommandKind kind);

    [LoggerMessage(6002, LogLevel.Information, "Playground button {Action} on job {JobId} pressed by {UserId} (reply {ReplyId})")]
    private static partial void LogButton(ILogger logger, string replyId, string userId, ButtonAction action, string jobId);

    [LoggerMessage(6003, LogLevel.Information, "Playground reply {ReplyId} runs job {JobId}")]
    private static partial void LogAccepted(ILogger logger, string replyId, string jobId);

    [LoggerMessage(6004, LogLevel.Information, "Playground reply {ReplyId} refused for {UserId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string replyId, string userId, string reason);

    [LoggerMessage(6005, LogLevel.Error, "Playground reply {ReplyId}: dispatch failed")]
    private static partial void LogDispatchFailed(ILogger logger, string replyId, Exception exception);
}
