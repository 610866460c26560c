using ChatBot.Core.Media;
using ChatBot.Core.Replies;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Replies;

/// <summary>
/// Progress previews in a reply. An image block may only show a file shared where the message lives (a file
/// completed without a channel is private to the bot, and Slack refuses the blocks), so each preview is shared
/// into the reply's thread, shown once its share completed, and deleted (with its share) when a newer preview or
/// the end of the job replaces it. At most one new preview per <see cref="SlackOptions.PreviewInterval"/>.
/// </summary>
internal sealed class SlackPreviews(SlackApiClient api, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackPreviews> logger)
{
    /// <summary>Image blocks show png, jpg and gif; anything else stays a file in the thread.</summary>
    public static bool IsShowable(StoredMedia media) =>
        media.ContentType is "image/png" or "image/jpeg" or "image/gif";

    /// <summary>The file id to show for <paramref name="preview"/> in a reply in <paramref name="channel"/> under <paramref name="threadTs"/>.</summary>
    public async Task<string?> ShowAsync(SlackPreviewState state, ReplyFile? preview, string channel, string threadTs, CancellationToken cancellationToken)
    {
        if (preview is null || !IsShowable(preview.Media))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (state.Key == preview.Media.Key || (state.FileId is not null && now - state.UploadedAt < options.Value.PreviewInterval))
        {
            return state.FileId;
        }

        try
        {
            var media = preview.Media;
            var uploaded = await api.UploadAsync(preview.OpenAsync, media.Length, media.FileName, media.ContentType, "Preview", channel, threadTs, null, cancellationToken).ConfigureAwait(false);
            if (!uploaded.Shared)
            {
                state.Superseded.Add(uploaded.Id); // cannot be shown yet; not worth waiting for
                return state.FileId;
            }

            if (state.FileId is { } old)
            {
                state.Superseded.Add(old);
            }

            (state.Key, state.FileId, state.UploadedAt) = (media.Key, uploaded.Id, now);
        }
        catch (SlackApiException ex)
        {
            // A preview is a nicety; the progress edit goes out without a new one.
            logger.ApiFailed("preview upload", ex.Error);
        }

        return state.FileId;
    }

    /// <summary>Deletes the previews no edit shows any more (and, once the reply is finished, the last one too). Best effort.</summary>
    public async Task DeleteUnusedAsync(SlackPreviewState state, bool finished, CancellationToken cancellationToken)
    {
        if (finished && state.FileId is { } last)
        {
            state.Superseded.Add(last);
            state.FileId = null;
        }

        foreach (var fileId in state.Superseded.ToList())
        {
            state.Superseded.Remove(fileId);
            try
            {
                await api.CallAsync("files.delete", new() { ["file"] = fileId }, cancellationToken).ConfigureAwait(false);
            }
            catch (SlackApiException ex)
            {
                logger.ApiFailed("files.delete", ex.Error);
            }
        }
    }
}
