using System.Collections.Concurrent;

namespace ChatBot.Discord.Tests.TestSupport;

/// <summary>The engine's entry point as the adapter sees it: records requests and answers as told.</summary>
public sealed class RecordingDispatcher : ICommandDispatcher
{
    private readonly ConcurrentQueue<CommandRequest> _requests = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _taken;

    public Func<CommandRequest, CommandOutcome> Answer { get; set; } = _ => new CommandOutcome.Accepted("job1");

    /// <summary>The first view of an accepted job, which the engine shows before it answers.</summary>
    public Func<CommandRequest, ReplyView> FirstView { get; set; } = request =>
        new ReplyView { JobId = "job1", Status = ReplyStatus.Queued, Title = "🎨 " + request.Options.Prompt, QueuePosition = 1, QueueLength = 1, Revision = 1 };

    /// <summary>The adapter's reply writer: the engine writes every view through it, the first included.</summary>
    public IChatReplies? Replies { get; set; }

    public IReadOnlyList<CommandRequest> Requests => [.. _requests];

    public async Task<CommandOutcome> DispatchAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        _arrived.Release();
        var outcome = Answer(request);
        if (outcome is CommandOutcome.Accepted && Replies is { } replies)
        {
            await replies.UpdateAsync(request.Reply, FirstView(request), cancellationToken);
        }

        return outcome;
    }

    /// <summary>Waits for the next request the adapter dispatches.</summary>
    public async Task<CommandRequest> NextAsync()
    {
        if (!await _arrived.WaitAsync(TimeSpan.FromSeconds(20)))
        {
            throw new TimeoutException("No command reached the dispatcher.");
        }

        return _requests.ElementAt(Interlocked.Increment(ref _taken) - 1);
    }
}
