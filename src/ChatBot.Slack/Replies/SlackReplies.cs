using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using ChatBot.Core.Replies;
using ChatBot.Slack.Blocks;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Replies;

/// <summary>
/// Slack's <see cref="IChatReplies"/>: the reply is a bot message edited in place with chat.update.
/// Results are uploaded with the external upload flow into the reply's thread and, once their share
/// has completed, shown in the reply as image blocks with the job's buttons.
/// Pacing comes from the engine's ReplyUpdater; 429s are waited out by <see cref="SlackApiClient"/>.
/// </summary>
internal sealed class SlackReplies(SlackApiClient api, TimeProvider time, ILogger<SlackReplies> logger) : IChatReplies
{
    private static readonly TimeSpan RememberFinished = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, ReplyState> _states = new(StringComparer.Ordinal);

    // Replies that show their final state. An update that arrives later (the adapter's first view of a
    // job that finished at once) must not overwrite the result.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _finished = new(StringComparer.Ordinal);

    public string Platform => PlatformNames.Slack;

    /// <summary>
    /// Posts a job's reply before the engine has said anything (so its ts can go into the handle); the member sees
    /// the bot picked the request up. Throws <see cref="SlackApiException"/> when the bot may not post there.
    /// </summary>
    public async Task<SlackReplyAddress> PostPlaceholderAsync(string channel, string? threadTs, string title, CancellationToken cancellationToken)
    {
        var post = new JsonObject
        {
            ["channel"] = channel,
            ["text"] = title,
            ["blocks"] = SlackBlocks.Placeholder(title),
        };
        if (threadTs is not null)
        {
            post["thread_ts"] = threadTs;
        }

        var posted = await api.CallAsync("chat.postMessage", post, cancellationToken).ConfigureAwait(false);
        return new SlackReplyAddress(channel, posted.GetProperty("ts").GetString()!, threadTs);
    }

    public async Task UpdateAsync(ReplyHandle handle, ReplyView view, CancellationToken cancellationToken)
    {
        var address = SlackReplyAddress.Parse(handle);
        var state = _states.GetOrAdd(handle.Value, _ => new ReplyState());
        await state.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (view.Revision < state.Revision || _finished.ContainsKey(handle.Value))
            {
                return; // an older state that lost a race with a newer one, or the reply is finished
            }

            state.Revision = view.Revision;
            var previewId = await PreviewAsync(state, view.Preview, cancellationToken).ConfigureAwait(false);
            await api.CallAsync("chat.update", new JsonObject
            {
                ["channel"] = address.Channel,
                ["ts"] = address.Ts,
                ["text"] = SlackBlocks.ProgressText(view),
                ["blocks"] = SlackBlocks.Progress(view, previewId),
            }, cancellationToken).ConfigureAwait(false);
            if (view.IsFinal)
            {
                MarkFinished(handle);
            }
        }
        catch (SlackApiException ex) when (ex.Error is "message_not_found" or "channel_not_found" or "cant_update_message" or "is_archived")
        {
            logger.ReplyUpdateFailed(handle.ToString(), ex.Error);
            throw;
        }
        finally
        {
            state.Lock.Release();
            if (view.IsFinal)
            {
                _states.TryRemove(handle.Value, out _);
            }
        }
    }

    public async Task PostResultAsync(ReplyHandle handle, ResultView view, CancellationToken cancellationToken)
    {
        var address = SlackReplyAddress.Parse(handle);
        var files = new List<(string FileId, bool IsImage, string Name)>();
        var links = new List<string>();
        foreach (var file in view.Files)
        {
            try
            {
                var uploaded = await api.UploadAsync(
                    file.OpenAsync,
                    file.Media.Length,
                    file.Media.FileName,
                    file.Media.ContentType,
                    title: view.Title,
                    channelId: address.Channel,
                    threadTs: address.ResultThreadTs,
                    initialComment: null,
                    cancellationToken).ConfigureAwait(false);

                // Only a completed share may be referenced in blocks (Slack answers invalid_blocks otherwise).
                if (uploaded.Shared)
                {
                    files.Add((uploaded.Id, IsShowable(file.Media), file.Media.FileName));
                }
            }
            catch (SlackApiException ex) when (file.PublicUrl is not null && !ex.IsRateLimited)
            {
                logger.ApiFailed("files upload", ex.Error);
                links.Add(file.PublicUrl.ToString());
            }
        }

        // Under the reply's lock, and marked first: no progress edit can overwrite the result.
        var state = _states.GetOrAdd(handle.Value, _ => new ReplyState());
        await state.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            MarkFinished(handle);
            await api.CallAsync("chat.update", new JsonObject
            {
                ["channel"] = address.Channel,
                ["ts"] = address.Ts,
                ["text"] = SlackBlocks.ResultText(view),
                ["blocks"] = SlackBlocks.Result(view, files, links),
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            state.Lock.Release();
            _states.TryRemove(handle.Value, out _);
        }
    }

    private void MarkFinished(ReplyHandle handle)
    {
        var now = time.GetUtcNow();
        _finished[handle.Value] = now;
        if (_finished.Count > 1024)
        {
            foreach (var (key, at) in _finished)
            {
                if (now - at > RememberFinished)
                {
                    _finished.TryRemove(key, out _);
                }
            }
        }
    }

    /// <summary>Image blocks show png, jpg and gif; anything else stays a file in the thread.</summary>
    private static bool IsShowable(StoredMedia media) =>
        media.ContentType is "image/png" or "image/jpeg" or "image/gif";

    /// <summary>Uploads a changed preview once (unshared, owned by the app) and returns its file id.</summary>
    private async Task<string?> PreviewAsync(ReplyState state, ReplyFile? preview, CancellationToken cancellationToken)
    {
        if (preview is null || !IsShowable(preview.Media))
        {
            return null;
        }

        if (state.PreviewKey == preview.Media.Key)
        {
            return state.PreviewFileId;
        }

        try
        {
            var uploaded = await api.UploadAsync(preview.OpenAsync, preview.Media.Length, preview.Media.FileName, preview.Media.ContentType, "Preview", null, null, null, cancellationToken).ConfigureAwait(false);
            state.PreviewKey = preview.Media.Key;
            state.PreviewFileId = uploaded.Id;
        }
        catch (SlackApiException ex)
        {
            // A preview is a nicety; the progress edit goes out without it.
            logger.ApiFailed("preview upload", ex.Error);
        }

        return state.PreviewFileId;
    }

    private sealed class ReplyState
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public long Revision { get; set; } = long.MinValue;
        public string? PreviewKey { get; set; }
        public string? PreviewFileId { get; set; }
    }
}
