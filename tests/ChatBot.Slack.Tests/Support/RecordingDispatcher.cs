using ChatBot.Core.Commands;
using ChatBot.Core.Replies;

namespace ChatBot.Slack.Tests.Support;

/// <summary>A hand-written dispatcher for adapter tests: records every request and answers as told.</summary>
public sealed class RecordingDispatcher : ICommandDispatcher
{
    private readonly Lock _gate = new();
    private readonly List<CommandRequest> _requests = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The answer; by default every job is accepted and shown as queued first in line.</summary>
    public Func<CommandRequest, CommandOutcome> Respond { get; set; } = _ => new CommandOutcome.Accepted("job1");

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
        var outcome = Respond(request);
        if (outcome is CommandOutcome.Accepted && Replies is { } replies)
        {
            await replies.UpdateAsync(request.Reply, FirstView(request), cancellationToken);
        }

        return outcome;
    }

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

            await changed.WaitAsync(cts.Token);
        }
    }
}
