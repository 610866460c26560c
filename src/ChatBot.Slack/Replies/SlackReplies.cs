using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatBot.Core.Model;
using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using ChatBot.Core.Replies;
using ChatBot.Slack.Blocks;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Replies;

/// <summary>
/// Slack's <see cref="IChatReplies"/>: the reply is a bot message, posted with the job's first view (so a refused
/// command never shows in the channel) and then edited in place with chat.update.
/// Results are uploaded with the external upload flow into the reply's thread and, once their share
/// has completed, shown in the reply as image blocks with the job's buttons.
/// Pacing comes from the engine's ReplyUpdater; 429s are waited out by <see cref="SlackApiClient"/>.
/// </summary>
internal sealed class SlackReplies(SlackApiClient api, SlackReplyFinder finder, TimeProvider time, ILogger<SlackReplies> logger) : IChatReplies
{
    private static readonly TimeSpan RememberFinished = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, ReplyState> _states = new(StringComparer.Ordinal);

    // Replies that show their final state. An update that arrives later (the adapter's first view of a
    // job that finished at once) must not overwrite the result.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _finished = new(StringComparer.Ordinal);

    // Pending replies (see SlackReplyAddress.Pending) that have been posted: handle → the message's ts.
    private readonly ConcurrentDictionary<string, string> _posted = new(StringComparer.Ordinal);

    // Pending replies whose post Slack refused (not_in_channel, is_archived…): handle → Slack's error. Never tried twice.
    private readonly ConcurrentDictionary<string, string> _refused = new(StringComparer.Ordinal);

    // Pending replies this process created: posted without a search (the others were created before a restart).
    private readonly ConcurrentDictionary<string, DateTimeOffset> _created = new(StringComparer.Ordinal);

    public string Platform => PlatformNames.Slack;

    /// <summary>The address of a job's reply, to be posted with the job's first view in <paramref name="channel"/> (and thread).</summary>
    public SlackReplyAddress NewReply(string channel, string? threadTs, string userId)
    {
        var address = SlackReplyAddress.Pending(channel, threadTs, userId);
        var now = time.GetUtcNow();
        _created[address.ToHandle().Value] = now;
        if (_created.Count > 1024)
        {
            // Refused commands never post their reply; forget them after a while.
            foreach (var (key, at) in _created)
            {
                if (now - at > RememberFinished)
                {
                    _created.TryRemove(key, out _);
                }
            }
        }

        return address;
    }

    /// <summary>Slack's error when the reply at <paramref name="address"/> could not be posted (null when it was, or is still to be).</summary>
    public string? PostFailure(SlackReplyAddress address) => _refused.GetValueOrDefault(address.ToHandle().Value);

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
            var text = SlackBlocks.ProgressText(view);
            var blocks = SlackBlocks.Progress(view, previewId);
            var (ts, posted) = await ResolveAsync(handle, address, text, blocks, cancellationToken).ConfigureAwait(false);
            if (!posted)
            {
                await api.CallAsync("chat.update", new JsonObject
                {
                    ["channel"] = address.Channel,
                    ["ts"] = ts,
                    ["text"] = text,
                    ["blocks"] = blocks,
                }, cancellationToken).ConfigureAwait(false);
            }

        }
        catch (SlackApiException ex) when (ex.Error is "message_not_found" or "channel_not_found" or "cant_update_message" or "is_archived")
        {
            logger.ReplyUpdateFailed(handle.ToString(), ex.Error);
            throw;
        }
        finally
        {
            if (view.IsFinal)
            {
                MarkFinished(handle); // shown or not, nothing comes after a final view
                _states.TryRemove(handle.Value, out _);
            }

            state.Lock.Release();
        }
    }

    public async Task PostResultAsync(ReplyHandle handle, ResultView view, CancellationToken cancellationToken)
    {
        var address = SlackReplyAddress.Parse(handle);
        var state = _states.GetOrAdd(handle.Value, _ => new ReplyState());

        // A result that is the reply's first write (it finished at once) needs the reply posted to thread its files under.
        string ts;
        await state.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            (ts, _) = await ResolveAsync(handle, address, SlackBlocks.Escape(view.Title), SlackBlocks.Placeholder(view.Title), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            state.Lock.Release();
        }

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
                    threadTs: address.ThreadTs ?? ts,
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
        await state.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            MarkFinished(handle);
            await api.CallAsync("chat.update", new JsonObject
            {
                ["channel"] = address.Channel,
                ["ts"] = ts,
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

    /// <summary>
    /// The reply's ts. A pending reply is posted here, with its first content (<paramref name="text"/>, <paramref name="blocks"/>):
    /// <c>Posted</c> then says there is nothing left to edit. Caller holds the reply's lock.
    /// </summary>
    private async Task<(string Ts, bool Posted)> ResolveAsync(ReplyHandle handle, SlackReplyAddress address, string text, JsonArray blocks, CancellationToken cancellationToken)
    {
        if (!address.IsPending)
        {
            return (address.Ts, false);
        }

        if (_posted.TryGetValue(handle.Value, out var ts))
        {
            return (ts, false);
        }

        if (_refused.TryGetValue(handle.Value, out var error))
        {
            throw new SlackApiException("chat.postMessage", error);
        }

        if (!_created.ContainsKey(handle.Value) && await finder.FindAsync(address, cancellationToken).ConfigureAwait(false) is { } found)
        {
            _posted[handle.Value] = found; // posted before a restart
            return (found, false);
        }

        var post = new JsonObject
        {
            ["channel"] = address.Channel,
            ["text"] = text,
            ["blocks"] = blocks,
            ["metadata"] = new JsonObject
            {
                ["event_type"] = SlackReplyFinder.MetadataType,
                ["event_payload"] = new JsonObject { ["reply"] = address.Ts },
            },
        };
        if (address.ThreadTs is not null)
        {
            post["thread_ts"] = address.ThreadTs;
        }

        try
        {
            var answer = await api.PostMessageAsync(post, cancellationToken).ConfigureAwait(false);
            ts = answer.GetProperty("ts").GetString()!;
            _posted[handle.Value] = ts;
            _created.TryRemove(handle.Value, out _);
            return (ts, true);
        }
        catch (SlackApiException ex)
        {
            _refused[handle.Value] = ex.Error;
            _created.TryRemove(handle.Value, out _);
            logger.ReplyUpdateFailed(handle.ToString(), ex.Error);
            throw;
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
                    _posted.TryRemove(key, out _);
                    _refused.TryRemove(key, out _);
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
