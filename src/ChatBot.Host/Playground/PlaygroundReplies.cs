using ChatBot.Core.Platform;
using ChatBot.Core.Replies;

namespace ChatBot.Host.Playground;

/// <summary>
/// The Playground's <see cref="IChatReplies"/>: edits land in the in-memory channel and are announced
/// over server-sent events. A handle the store does not know (after a restart) creates its reply.
/// </summary>
internal sealed class PlaygroundReplies(PlaygroundReplyStore store) : IChatReplies
{
    public string Platform => PlatformNames.Playground;

    public Task UpdateAsync(ReplyHandle handle, ReplyView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(view);
        store.Change(handle.Value, current => Apply(current, view));
        return Task.CompletedTask;
    }

    public Task PostResultAsync(ReplyHandle handle, ResultView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(view);
        store.Change(handle.Value, current => (current ?? new PlaygroundReply { Id = handle.Value }) with
        {
            Status = ReplyStatus.Succeeded,
            Title = view.Title,
            Text = view.Details.Length > 0 ? $"{view.Footer}\n{view.Details}" : view.Footer,
            ModelLabel = view.ModelLabel,
            Progress = 100,
            QueuePosition = null,
            QueueLength = null,
            Eta = null,
            Elapsed = view.Elapsed,
            Preview = null,
            Files = [.. view.Files.Select(f => new PlaygroundFile(f.Media.Key, f.Media.ContentType))],
            Grid = view.Grid is { } grid ? new PlaygroundFile(grid.Media.Key, grid.Media.ContentType) : null,
            Wait = null,
            Buttons = view.Buttons,
            JobId = view.JobId,
            Ephemeral = false,
        });
        return Task.CompletedTask;
    }

    /// <summary>Applies a job's progress view, unless it is older than what the reply shows or the result is posted already.</summary>
    internal static PlaygroundReply Apply(PlaygroundReply? current, ReplyView view)
    {
        if (current is not null && current.JobId == view.JobId
            && (view.Revision < current.ViewRevision || current.Status == ReplyStatus.Succeeded))
        {
            return current;
        }

        return (current ?? new PlaygroundReply { Id = "" }) with
        {
            Status = view.Status,
            Title = view.Title,
            Text = view.StatusText,
            ModelLabel = view.ModelLabel,
            QueuePosition = view.QueuePosition,
            QueueLength = view.QueueLength,
            Progress = view.Progress,
            Eta = view.Eta,
            Wait = view.Wait,
            Elapsed = view.Elapsed,
            Preview = view.Preview is { } preview ? new PlaygroundFile(preview.Media.Key, preview.Media.ContentType) : null,
            Buttons = view.Buttons,
            JobId = view.JobId,
            Ephemeral = false,
            ViewRevision = view.Revision,
        };
    }
}
