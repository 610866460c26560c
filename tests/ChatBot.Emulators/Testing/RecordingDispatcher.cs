using ChatBot.Core.Commands;
using ChatBot.Core.Model;
using ChatBot.Core.Replies;

namespace ChatBot.Emulators.Testing;

/// <summary>The engine's entry point as an adapter sees it: records every request it dispatches and answers as told.</summary>
public sealed class RecordingDispatcher : ICommandDispatcher
{
    private readonly Lock _gate = new();
    private readonly List<CommandRequest> _requests = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _taken;

    /// <summary>The answer; by default every job is accepted.</summary>
    public Func<CommandRequest, CommandOutcome> Answer { get; set; } = _ => new CommandOutcome.Accepted("job1");

    /// <summary>Awaited after a request is recorded and before it is answered: a test holds the adapter's handlers with it.</summary>
    public Func<CommandRequest, Task>? Hold { get; set; }

    /// <summary>The first view of an accepted job, which the engine shows before it answers.</summary>
    public Func<CommandRequest, ReplyView> FirstView { get; set; } = request => new ReplyView
    {
        JobId = "job1",
        Status = ReplyStatus.Queued,
        Title = "🎨 " + (request.Options.Prompt ?? request.Kind.ToString()),
        StatusText = "Queued — 1st in line",
        QueuePosition = 1,
        QueueLength = 1,
        Revision = 1,
    };

    /// <summary>Why the adapter could not show the last first view (null when it could).</summary>
    public Exception? FirstViewFailure { get; private set; }

    /// <summary>The adapter's reply writer: the engine writes every view through it, the first included.</summary>
    public IChatReplies? Replies { get; set; }

    public IReadOnlyList<CommandRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public async Task<CommandOutcome> DispatchAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            _requests.Add(request);
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
        if (Hold is { } hold)
        {
            await hold(request).ConfigureAwait(false);
        }

        var outcome = Answer(request);
        if (outcome is CommandOutcome.Accepted && Replies is { } replies)
        {
            try
            {
                await replies.UpdateAsync(request.Reply, FirstView(request), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // As the engine's ReplyUpdater: a reply the platform refused does not undo the accepted job.
                FirstViewFailure = ex;
            }
        }

        return outcome;
    }

    /// <summary>Waits for the next request not yet taken by an earlier call.</summary>
    public Task<CommandRequest> NextAsync() => WaitForRequestAsync(Interlocked.Increment(ref _taken));

    /// <summary>Waits until <paramref name="count"/> requests have arrived and returns the last of them.</summary>
    public async Task<CommandRequest> WaitForRequestAsync(int count = 1)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_requests.Count >= count)
                {
                    return _requests[count - 1];
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Only {Requests.Count} of {count} commands reached the dispatcher.");
            }
        }
    }
}
