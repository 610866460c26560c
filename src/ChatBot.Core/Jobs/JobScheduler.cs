using ChatBot.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Jobs;

/// <summary>
/// The fair queue. Members take turns (round-robin), so one member's pile of jobs cannot starve
/// the others; each member runs at most <see cref="SchedulerOptions.MaxRunningPerUser"/> jobs at once,
/// each provider at most its concurrency. Queued replies show their real place in line and are
/// updated as the line moves.
/// </summary>
public sealed partial class JobScheduler : IJobQueueMetrics
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AccountKey, LinkedList<JobRecord>> _queues = [];
    private readonly LinkedList<AccountKey> _ring = new();
    private readonly Dictionary<AccountKey, int> _runningPerUser = [];
    private readonly Dictionary<string, int> _runningPerProvider = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RunningJob> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly JobRunner _runner;
    private readonly SchedulerOptions _options;
    private readonly ILogger<JobScheduler> _logger;
    private int _queued;
    private bool _stopping;

    public JobScheduler(JobRunner runner, IOptions<SchedulerOptions> options, ILogger<JobScheduler> logger)
    {
        _runner = runner;
        _options = options.Value;
        _logger = logger;
    }

    public int Queued => Volatile.Read(ref _queued);

    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    public bool IsStopping => Volatile.Read(ref _stopping);

    /// <summary>Queued and running jobs of one member, for the per-member limits.</summary>
    public (int Queued, int Running) CountFor(AccountKey account)
    {
        lock (_gate)
        {
            return (_queues.TryGetValue(account, out var q) ? q.Count : 0, _runningPerUser.GetValueOrDefault(account));
        }
    }

    /// <summary>The job's place in line (1 = next), or null when it is not waiting.</summary>
    public int? PositionOf(string jobId)
    {
        lock (_gate)
        {
            return _positions.TryGetValue(jobId, out var p) ? p : null;
        }
    }

    /// <summary>Adds a queued job to the line and starts whatever can start. Returns its place (0 when it started at once).</summary>
    public int Enqueue(JobRecord job)
    {
        lock (_gate)
        {
            if (!_queues.TryGetValue(job.Account, out var queue))
            {
                queue = new LinkedList<JobRecord>();
                _queues[job.Account] = queue;
                _ring.AddLast(job.Account);
            }

            queue.AddLast(job);
            _queued++;
            DispatchLocked();
            RefreshPositionsLocked(job.Id);
            return _positions.GetValueOrDefault(job.Id);
        }
    }

    /// <summary>Resumes tracking a job that already reached its provider (after a restart): it runs now.</summary>
    public void Resume(JobRecord job)
    {
        lock (_gate)
        {
            StartLocked(job);
        }
    }

    /// <summary>Cancels a queued or running job. Returns false when the scheduler does not hold it.</summary>
    public bool Cancel(string jobId)
    {
        JobRecord? removed = null;
        lock (_gate)
        {
            if (_running.TryGetValue(jobId, out var running))
            {
                running.Cancel.Cancel();
                return true;
            }

            foreach (var (account, queue) in _queues)
            {
                var node = queue.First;
                while (node is not null && node.Value.Id != jobId)
                {
                    node = node.Next;
                }

                if (node is null)
                {
                    continue;
                }

                removed = node.Value;
                queue.Remove(node);
                _queued--;
                if (queue.Count == 0)
                {
                    _queues.Remove(account);
                    _ring.Remove(account);
                }

                _positions.Remove(jobId);
                RefreshPositionsLocked(null);
                break;
            }
        }

        if (removed is null)
        {
            return false;
        }

        _ = _runner.EndAsync(removed, JobState.Cancelled, "Cancelled.", "cancelled while queued");
        return true;
    }

    /// <summary>Stops starting jobs and lets running ones leave their state for recovery.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] tasks;
        lock (_gate)
        {
            _stopping = true;
            tasks = [.. _running.Values.Select(r => r.Task)];
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(tasks).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout won; the persisted states are what recovery will read.
        }
    }

    private void DispatchLocked()
    {
        if (_stopping)
        {
            return;
        }

        var started = true;
        while (started && _ring.Count > 0)
        {
            started = false;
            for (var node = _ring.First; node is not null; node = node.Next)
            {
                var account = node.Value;
                if (_runningPerUser.GetValueOrDefault(account) >= _options.MaxRunningPerUser)
                {
                    continue;
                }

                var queue = _queues[account];
                var job = queue.First!.Value;
                if (_runningPerProvider.GetValueOrDefault(job.Provider) >= _options.ConcurrencyFor(job.Provider))
                {
                    continue;
                }

                queue.RemoveFirst();
                _queued--;
                _positions.Remove(job.Id);
                _ring.Remove(node);
                if (queue.Count == 0)
                {
                    _queues.Remove(account);
                }
                else
                {
                    _ring.AddLast(account); // Their turn is used: to the back of the ring.
                }

                StartLocked(job);
                started = true;
                break;
            }
        }
    }

    private void StartLocked(JobRecord job)
    {
        if (_running.ContainsKey(job.Id))
        {
            return;
        }

        _runningPerUser[job.Account] = _runningPerUser.GetValueOrDefault(job.Account) + 1;
        _runningPerProvider[job.Provider] = _runningPerProvider.GetValueOrDefault(job.Provider) + 1;
        var cancel = new CancellationTokenSource();
        var running = new RunningJob(job, cancel);
        _running[job.Id] = running;
        running.Task = Task.Run(() => RunAndReleaseAsync(running));
    }

    private async Task RunAndReleaseAsync(RunningJob running)
    {
        try
        {
            await _runner.RunAsync(running.Job, running.Cancel.Token, _shutdown.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The runner handles its own failures; this keeps the slot accounting right whatever happens.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRunnerEscaped(_logger, ex, running.Job.Id);
        }
        finally
        {
            lock (_gate)
            {
                _running.Remove(running.Job.Id);
                Decrement(_runningPerUser, running.Job.Account);
                Decrement(_runningPerProvider, running.Job.Provider);
                DispatchLocked();
                RefreshPositionsLocked(null);
            }

            running.Cancel.Dispose();
        }
    }

    /// <summary>Recomputes the fair order and tells every queued job whose place changed.</summary>
    private void RefreshPositionsLocked(string? alwaysPublish)
    {
        if (_queued == 0)
        {
            return;
        }

        var cursors = _ring.Select(a => _queues[a].First).ToArray();
        var position = 0;
        var any = true;
        while (any)
        {
            any = false;
            for (var i = 0; i < cursors.Length; i++)
            {
                var node = cursors[i];
                if (node is null)
                {
                    continue;
                }

                any = true;
                position++;
                var job = node.Value;
                if (!_positions.TryGetValue(job.Id, out var old) || old != position || job.Id == alwaysPublish)
                {
                    _positions[job.Id] = position;
                    _runner.PublishQueued(job, position, _queued);
                }

                cursors[i] = node.Next;
            }
        }
    }

    private static void Decrement<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull
    {
        if (counts.TryGetValue(key, out var n))
        {
            if (n <= 1)
            {
                counts.Remove(key);
            }
            else
            {
                counts[key] = n - 1;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId}: the runner threw past its own handling")]
    private static partial void LogRunnerEscaped(ILogger logger, Exception exception, string jobId);

    private sealed class RunningJob(JobRecord job, CancellationTokenSource cancel)
    {
        public JobRecord Job { get; } = job;
        public CancellationTokenSource Cancel { get; } = cancel;
        public Task Task { get; set; } = Task.CompletedTask;
    }
}
