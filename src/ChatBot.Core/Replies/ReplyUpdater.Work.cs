namespace ChatBot.Core.Replies;

/// <summary>The unit the pacing queues: one state of one reply.</summary>
internal sealed partial class ReplyUpdater
{
    /// <summary>One state to send: <see cref="Done"/> marks a final state; <see cref="Sent"/> is an intermediate state someone waits for.</summary>
    private sealed record Work(ReplyView? View, ResultView? Result, TaskCompletionSource? Done, TaskCompletionSource? Sent = null)
    {
        public bool IsFinal => Done is not null;

        public void Complete()
        {
            Sent?.TrySetResult();
            Done?.TrySetResult();
        }
    }
}
