using ChatBot.Core.Platform;
using ChatBot.Core.Replies;
using ChatBot.Discord.Rest;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Replies;

/// <summary>
/// Edits a job's Discord reply in place: through the interaction token (<c>@original</c>) while it is
/// valid, then — the token lives 15 minutes — by editing the channel message with the bot token.
/// </summary>
internal sealed partial class DiscordReplies(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordReplies> logger) : IChatReplies
{
    /// <summary>Discord's cap on one message request.</summary>
    public const long MaxRequestBytes = 25L * 1024 * 1024;

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, (string ChannelId, string MessageId)> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _revisions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _gone = new(StringComparer.Ordinal);

    public string Platform => PlatformNames.Discord;

    public async Task UpdateAsync(ReplyHandle handle, ReplyView view, CancellationToken cancellationToken)
    {
        // The engine sends states in order; an older revision arriving late must not overwrite a newer one.
        var latest = _revisions.AddOrUpdate(view.JobId, view.Revision, (_, old) => Math.Max(old, view.Revision));
        if (view.Revision < latest)
        {
            return;
        }

        var reply = DiscordReplyHandle.Parse(handle);
        var key = Key(reply);
        if (_gone.ContainsKey(key))
        {
            // It answered 403/404 before: another edit would only count against the invalid-request cap.
            await EndedAsync(reply, view, cancellationToken).ConfigureAwait(false);
            return;
        }

        List<OutgoingFile> files = [];
        string? previewName = null;
        if (view.Preview is { } preview && preview.Media.Length <= Limit(reply)
            && await ReadAsync(preview, Limit(reply), cancellationToken).ConfigureAwait(false) is { } bytes)
        {
            previewName = "preview." + Extension(preview);
            files.Add(new OutgoingFile(previewName, preview.Media.ContentType, bytes));
        }

        try
        {
            await EditAsync(reply, DiscordMessageRenderer.Progress(view, previewName), files, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException ex) when (files.Count > 0 && ex.IsUploadRefused)
        {
            await EditAsync(reply, DiscordMessageRenderer.Progress(view, null), [], cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException ex) when (ex.IsMessageGone)
        {
            _gone[key] = true;
            Log.ReplyGone(logger, view.JobId, (int)ex.Status, ex.Code);
            await EndedAsync(reply, view, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (view.IsFinal)
        {
            _revisions.TryRemove(view.JobId, out _);
        }
    }

    /// <summary>
    /// The reply can no longer be edited (deleted, no access). A final state still reaches the member, privately,
    /// as an ephemeral follow-up while the interaction token lives.
    /// </summary>
    private async Task EndedAsync(DiscordReplyHandle reply, ReplyView view, CancellationToken cancellationToken)
    {
        if (!view.IsFinal)
        {
            return;
        }

        _revisions.TryRemove(view.JobId, out _);
        if (!TokenUsable(reply))
        {
            return;
        }

        try
        {
            var payload = DiscordMessageRenderer.Progress(view, null) with { Flags = MessagePayload.Ephemeral };
            await rest.CreateFollowupAsync(reply.ApplicationId, reply.Token!, payload, null, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException ex)
        {
            Log.ReplyGone(logger, view.JobId, (int)ex.Status, ex.Code);
        }
    }

    public async Task PostResultAsync(ReplyHandle handle, ResultView view, CancellationToken cancellationToken)
    {
        var reply = DiscordReplyHandle.Parse(handle);
        var limit = Limit(reply);
        var files = new List<OutgoingFile>();
        var links = new List<(string, Uri?)>();
        long total = 0;
        for (var i = 0; i < view.Files.Count; i++)
        {
            var file = view.Files[i];
            var name = $"{view.JobId}-{i + 1}.{Extension(file)}";
            if (file.Media.Length <= limit && total + file.Media.Length <= MaxRequestBytes && files.Count < 10
                && await ReadAsync(file, limit, cancellationToken).ConfigureAwait(false) is { } bytes)
            {
                files.Add(new OutgoingFile(name, file.Media.ContentType, bytes));
                total += bytes.Length;
            }
            else
            {
                links.Add((name, file.PublicUrl));
            }
        }

        // The grid is the embed's picture (the single images stay attachments under it), the member's input its thumbnail.
        var grid = await AddExtraAsync(files, view.Grid, "grid", limit, cancellationToken).ConfigureAwait(false);
        var input = await AddExtraAsync(files, view.Input, "input", limit, cancellationToken).ConfigureAwait(false);
        try
        {
            await EditAsync(reply, DiscordMessageRenderer.Result(view, [.. files.Select(f => f.FileName)], links, grid, input), files, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException ex) when (files.Count > 0 && ex.IsUploadRefused)
        {
            // The files cannot go here (no Attach Files permission, too large): post links instead, if every file has one.
            var linked = view.Files.Select((f, i) => ($"{view.JobId}-{i + 1}.{Extension(f)}", f.PublicUrl ?? f.Media.SourceUrl)).ToList();
            if (linked.Any(l => l.Item2 is null))
            {
                throw;
            }

            Log.PostingLinks(logger, ex.Code);
            await EditAsync(reply, DiscordMessageRenderer.Result(view, [], linked), [], cancellationToken).ConfigureAwait(false);
        }

        _revisions.TryRemove(view.JobId, out _);
        if (reply.Token is not null)
        {
            _messages.TryRemove(reply.Token, out _);
        }

        _locks.TryRemove(Key(reply), out _);
        _gone.TryRemove(Key(reply), out _);
    }

    /// <summary>Adds a picture that is not an output (the grid, the input) when it fits in the request; its file name, or null.</summary>
    private static async Task<string?> AddExtraAsync(List<OutgoingFile> files, ReplyFile? extra, string name, long limit, CancellationToken cancellationToken)
    {
        if (extra is null || files.Count >= 10 || files.Sum(f => (long)f.Bytes.Length) + extra.Media.Length > MaxRequestBytes
            || await ReadAsync(extra, limit, cancellationToken).ConfigureAwait(false) is not { } bytes)
        {
            return null;
        }

        var fileName = $"{name}.{Extension(extra)}";
        files.Add(new OutgoingFile(fileName, extra.Media.ContentType, bytes));
        return fileName;
    }

    /// <summary>Edits the reply: the interaction's @original while the token lives, else the channel message.</summary>
    internal async Task<DiscordMessage> EditAsync(DiscordReplyHandle reply, MessagePayload payload, IReadOnlyList<OutgoingFile> files, CancellationToken cancellationToken)
    {
        // One edit at a time per reply: edits land in order, and the message id learnt from the first is there for the next.
        var gate = _locks.GetOrAdd(Key(reply), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await EditInOrderAsync(reply, payload, files, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<DiscordMessage> EditInOrderAsync(DiscordReplyHandle reply, MessagePayload payload, IReadOnlyList<OutgoingFile> files, CancellationToken cancellationToken)
    {
        if (TokenUsable(reply))
        {
            try
            {
                var message = await rest.EditOriginalAsync(reply.ApplicationId, reply.Token!, payload, files, cancellationToken).ConfigureAwait(false);
                _messages[reply.Token!] = (message.ChannelId, message.Id);
                return message;
            }
            catch (DiscordApiException ex) when (ex.IsTokenGone)
            {
                Log.TokenGone(logger, ex.Code);
            }
        }

        var (channelId, messageId) = reply.MessageId is { } id
            ? (reply.ChannelId, id)
            : reply.Token is not null && _messages.TryGetValue(reply.Token, out var known) ? known : (reply.ChannelId, (string?)null);
        if (messageId is null)
        {
            // The token expired before the bot ever learnt the message id (a restart in between): post anew.
            Log.PostingNewMessage(logger);
            var created = await rest.CreateChannelMessageAsync(channelId, payload with { Flags = null }, files, cancellationToken).ConfigureAwait(false);
            if (reply.Token is not null)
            {
                _messages[reply.Token] = (created.ChannelId, created.Id);
            }

            return created;
        }

        return await rest.EditChannelMessageAsync(channelId, messageId, payload with { Flags = null }, files, cancellationToken).ConfigureAwait(false);
    }

    private bool TokenUsable(DiscordReplyHandle reply) =>
        reply.Token is not null && time.GetUtcNow() < reply.CreatedAt + TokenLifetime - options.Value.TokenExpiryMargin;

    private static string Key(DiscordReplyHandle reply) => reply.Token ?? reply.ChannelId + "/" + reply.MessageId;

    private long Limit(DiscordReplyHandle reply) => reply.AttachmentSizeLimit > 0 ? reply.AttachmentSizeLimit : options.Value.DefaultAttachmentSizeLimit;

    private static async Task<byte[]?> ReadAsync(ReplyFile file, long limit, CancellationToken cancellationToken)
    {
        var stream = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var streamScope = stream.ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static string Extension(ReplyFile file)
    {
        var ext = Path.GetExtension(file.Media.FileName).TrimStart('.');
        return ext.Length is > 0 and <= 5 ? ext.ToLowerInvariant() : file.Media.ContentType switch
        {
            "image/jpeg" => "jpg",
            "image/webp" => "webp",
            "image/gif" => "gif",
            "video/mp4" => "mp4",
            "video/webm" => "webm",
            _ => "png",
        };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Discord interaction token no longer valid (code {Code}); editing the channel message with the bot token")]
        public static partial void TokenGone(ILogger logger, int code);

        [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Discord reply message unknown after its token expired; posting a new message")]
        public static partial void PostingNewMessage(ILogger logger);

        [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "The Discord reply of job {JobId} can no longer be edited ({Status}, code {Code}); not editing it again")]
        public static partial void ReplyGone(ILogger logger, string jobId, int status, int code);

        [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Discord refused the result files (code {Code}); posting links instead")]
        public static partial void PostingLinks(ILogger logger, int code);
    }
}
