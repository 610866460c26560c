using ChatBot.Core.Model;
using ChatBot.Core.Replies;

namespace ChatBot.Benchmarks.Bot;

/// <summary>
/// Wraps a platform's <see cref="IChatReplies"/> to count the calls the engine makes on it (reply edits and
/// result posts), and to notice edits of one reply closer together than the pacing interval.
/// </summary>
internal sealed class CountingReplies(IChatReplies inner, ReplyCounters counters) : IChatReplies
{
    public string Platform => inner.Platform;

    public async Task UpdateAsync(ReplyHandle handle, ReplyView view, CancellationToken cancellationToken)
    {
        counters.Edit(handle);
        await inner.UpdateAsync(handle, view, cancellationToken).ConfigureAwait(false);
    }

    public async Task PostResultAsync(ReplyHandle handle, ResultView view, CancellationToken cancellationToken)
    {
        await inner.PostResultAsync(handle, view, cancellationToken).ConfigureAwait(false);
        counters.Result(handle);
    }
}
