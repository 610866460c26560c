using ChatBot.Core.Model;

namespace ChatBot.Core.Replies;

/// <summary>
/// A platform adapter's way of editing the bot's reply to a job. One implementation per platform;
/// the job engine picks it by <see cref="ReplyHandle.Platform"/>. Implementations handle their own
/// platform rate limits (honouring Retry-After) and throw only when the reply is lost for good.
/// </summary>
public interface IChatReplies
{
    string Platform { get; }

    Task UpdateAsync(ReplyHandle handle, ReplyView view, CancellationToken cancellationToken);

    Task PostResultAsync(ReplyHandle handle, ResultView view, CancellationToken cancellationToken);
}
