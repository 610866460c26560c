using ChatBot.Core.Platform;
using ChatBot.Core.Replies;
using ChatBot.Slack.Blocks;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Replies;

/// <summary>
/// Slack's <see cref="IChatReplies"/>: the reply is a bot message, posted with the job's first view (so a refused
/// command never shows in the channel) and then edited in place with chat.update.
/// Results are uploaded with the external upload flow into the reply's thread and, once their share
/// has completed, shown in the reply as image blocks with the job's buttons.
/// Pacing comes from the engine's ReplyUpdater; 429s are waited out by <see cref="SlackApiClient"/>.
/// </summary>
internal sealed class SlackReplies(
    SlackApiClient api,
    SlackReplyPosts posts,
    SlackPreviews previews,
    SlackMemberNotice notice,
    TimeProvider time,
    ILogger<SlackReplies> logger) : IChatReplies
{
    private static readonly TimeSpan RememberFinished = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, ReplyState> _states = new(StringComparer.Ordinal);

    // Replies that show their final state. An update that arrives later (the adapter's first view of a
    // job that finished at once) must not overwrite the result.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _finished = new(StringComparer.Ordinal);

    public string Platform => PlatformNames.Slack;

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
            // A reply not posted yet has no thread to share a preview into: its first view goes without one.
            var previewId = posts.KnownTs(handle, address) is { } known
                ? await previews.ShowAsync(state.Preview, view.Preview, address.Channel, address.ThreadTs ?? known, cancellationToken).ConfigureAwait(false)
                : null;
            var text = SlackBlocks.ProgressText(view);
            var blocks = SlackBlocks.Progress(view, previewId);
            var (ts, posted) = await posts.ResolveAsync(handle, address, text, blocks, cancellationToken).ConfigureAwait(false);
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

            await previews.DeleteUnusedAsync(state.Preview, view.IsFinal, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            logger.ReplyUpdateFailed(handle.ToString(), ex.Error);
            if (view.IsFinal && !posts.MemberTold(handle))
            {
                // The job has ended (and returned its credits) but the channel will not show it.
                await notice.TellAsync(address, $"{view.Title}: {view.StatusText}\n{SlackReplyErrors.Explain(ex.Error)}", cancellationToken).ConfigureAwait(false);
            }

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

    /// <summary>Posts the result; when Slack will not take it, the member is told (the engine then returns the job's credits) and this throws.</summary>
    public async Task PostResultAsync(ReplyHandle handle, ResultView view, CancellationToken cancellationToken)
    {
        var address = SlackReplyAddress.Parse(handle);
        try
        {
            await PostResultCoreAsync(handle, address, view, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            logger.ReplyUpdateFailed(handle.ToString(), ex.Error);
            if (!posts.MemberTold(handle))
            {
                await notice.TellAsync(address, $"{view.Title}: I couldn't post the result. {SlackReplyErrors.Explain(ex.Error)} Nothing was charged.", cancellationToken).ConfigureAwait(false);
            }

            throw;
        }
    }

    private async Task PostResultCoreAsync(ReplyHandle handle, SlackReplyAddress address, ResultView view, CancellationToken cancellationToken)
    {
        var state = _states.GetOrAdd(handle.Value, _ => new ReplyState());

        // A result that is the reply's first write (it finished at once) needs the reply posted to thread its files under.
        string ts;
        await state.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            (ts, _) = await posts.ResolveAsync(handle, address, SlackBlocks.Escape(view.Title), SlackBlocks.Placeholder(view.Title), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            state.Lock.Release();
        }

        var files = new List<(string FileId, bool IsImage, string Name)>();
        var links = new List<string>();
        var thread = address.ThreadTs ?? ts;
        foreach (var file in view.Files)
        {
            try
            {
                if (await ShareAsync(file, view.Title, address.Channel, thread, cancellationToken).ConfigureAwait(false) is { } id)
                {
                    files.Add((id, SlackPreviews.IsShowable(file.Media), file.Media.FileName));
                }
            }
            catch (SlackApiException ex) when (file.PublicUrl is not null && !ex.IsRateLimited)
            {
                logger.ApiFailed("files upload", ex.Error);
                links.Add(file.PublicUrl.ToString());
            }
        }

        // The grid goes into the thread beside the single images and is the reply's picture; the input image is shown small.
        var grid = await TryShareAsync(view.Grid, "Images 1–" + view.Files.Count, address.Channel, thread, cancellationToken).ConfigureAwait(false);
        var input = await TryShareAsync(view.Input, "Your image", address.Channel, thread, cancellationToken).ConfigureAwait(false);

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
                ["blocks"] = SlackBlocks.Result(view, files, links, grid, input),
            }, cancellationToken).ConfigureAwait(false);
            await previews.DeleteUnusedAsync(state.Preview, finished: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            state.Lock.Release();
            _states.TryRemove(handle.Value, out _);
        }
    }

    /// <summary>Uploads a file into the thread; its id once the share has completed (only then may blocks reference it).</summary>
    private async Task<string?> ShareAsync(ReplyFile file, string title, string channel, string thread, CancellationToken cancellationToken)
    {
        var uploaded = await api.UploadAsync(
            file.OpenAsync,
            file.Media.Length,
            file.Media.FileName,
            file.Media.ContentType,
            title: title,
            channelId: channel,
            threadTs: thread,
            initialComment: null,
            cancellationToken).ConfigureAwait(false);
        return uploaded.Shared ? uploaded.Id : null;
    }

    /// <summary>A picture the result can do without (grid, input): a refused upload leaves it out.</summary>
    private async Task<string?> TryShareAsync(ReplyFile? file, string title, string channel, string thread, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        try
        {
            return await ShareAsync(file, title, channel, thread, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (!ex.IsRateLimited)
        {
            logger.ApiFailed("files upload", ex.Error);
            return null;
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
                    posts.Forget(key);
                }
            }
        }
    }

    private sealed class ReplyState
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public long Revision { get; set; } = long.MinValue;
        public SlackPreviewState Preview { get; } = new();
    }
}
