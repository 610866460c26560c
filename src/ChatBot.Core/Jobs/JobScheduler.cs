using ChatBot.Core.Replies;

namespace ChatBot.Core.Jobs;

/// <summary>
/// The fair queue. Members take turns (<see cref="FairLine"/>), so one member's pile of jobs cannot starve
/// the others; each member runs at most <see cref="SchedulerOptions.MaxRunningPerUser"/> jobs at once,
/// each provider at most its concurrency. Queued replies show their real place in line and are
/// updated as the line moves.
/// </summary>
internal sealed class JobScheduler(
    JobRunner runner,
    JobEnder ender,
    ReplyUpdater replies,
    JobReplyViews views,
    IOptions<SchedulerOptions> options,
    ILogger<JobScheduler> logger,
    JobLeases? leases = null) : IJobQueueMetrics
{
    private readonly Lock _gate = new();
    private readonly FairLine _line = new();
    private readonly Dictionary<AccountKey, int> _runningPerUser = [];
    private readonly Dictionary<string, int> _runningPerProvider = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RunningJob> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly SchedulerOptions _options = options.Value;
    private int _queued;
    private bool _stopping;

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
            return (_line.CountOf(account), _runningPerUser.GetValueOrDefault(account));
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
    public int Enqueue(JobRecord job) => Add(job, arrival: null);

    /// <summary>
    /// Adds a job just accepted from a member and shows its reply's first view: its place in line, or
    /// "Starting…" when it starts at once, with <paramref name="note"/> (from routing) under the status.
    /// That view is offered before the job can run, so no later state of it overtakes the first; this
    /// completes when the view has been shown (or superseded) and never throws for a platform failure.
    /// </summary>
    public async Task AdmitAsync(JobRecord job, string? note)
    {
        var arrival = new Arrival(job.Id, note);
        Add(job, arrival);
        await arrival.Shown.ConfigureAwait(false);
    }

    /// <summary>Resumes tracking a job that already reached its provider (after a restart): it runs now.</summary>
    public void Resume(JobRecord job)
    {
        lock (_gate)
        {
            StartLocked(job, arrival: null);
        }
    }

    /// <summary>Cancels a queued or running job. Returns false when the scheduler does not hold it.</summary>
    public bool Cancel(string jobId)
    {
        JobRecord? removed;
        lock (_gate)
        {
            if (_running.TryGetValue(jobId, out var running))
            {
                running.Cancel.Cancel();
                return true;
            }

            removed = _line.Remove(jobId);
            if (removed is not null)
            {
                _queued--;
                _positions.Remove(jobId);
                RefreshPositionsLocked(null);
            }
        }

        if (removed is null)
        {
            return false;
        }

        _ = ender.EndAsync(removed, JobState.Cancelled, "Cancelled.", "cancelled while queued");
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

        if (leases is not null)
        {
            await leases.ReleaseAllAsync().ConfigureAwait(false);
        }
    }

    private int Add(JobRecord job, Arrival? arrival)
    {
        lock (_gate)
        {
            _line.Add(job);
            _queued++;
            DispatchLocked(arrival);
            RefreshPositionsLocked(job.Id, arrival);
            return _positions.GetValueOrDefault(job.Id);
        }
    }

    private void DispatchLocked(Arrival? arrival = null)
    {
        if (_stopping || !_options.RunJobs)
        {
            return;
        }

        while (_line.TakeNext(CanStartLocked) is { } job)
        {
            _queued--;
            _positions.Remove(job.Id);
            StartLocked(job, arrival);
        }
    }

    private bool CanStartLocked(JobRecord job) =>
        _runningPerUser.GetValueOrDefault(job.Account) < _options.MaxRunningPerUser
        && _runningPerProvider.GetValueOrDefault(job.Provider) < _options.ConcurrencyFor(job.Provider);

    private void StartLocked(JobRecord job, Arrival? arrival)
    {
        if (_running.ContainsKey(job.Id))
        {
            return;
        }

        if (arrival?.JobId == job.Id)
        {
            // Before the runner exists: its own first state ("Sending to …") can only follow this one.
            arrival.Shown = replies.PublishAsync(job.Reply, views.Starting(job, _queued, arrival.Note));
        }

        _runningPerUser[job.Account] = _runningPerUser.GetValueOrDefault(job.Account) + 1;
        _runningPerProvider[job.Provider] = _runningPerProvider.GetValueOrDefault(job.Provider) + 1;
        var cancel = new CancellationTokenSource();
        var running = new RunningJob(job, cancel) { Started = views.Now };
        _running[job.Id] = running;
        running.Task = Task.Run(() => RunAndReleaseAsync(running));
    }

    private async Task RunAndReleaseAsync(RunningJob running)
    {
        try
        {
            await runner.RunAsync(running.Job, running.Cancel.Token, _shutdown.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The runner handles its own failures; this keeps the slot accounting right whatever happens.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.RunnerEscaped(ex, running.Job.Id);
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
    private void RefreshPositionsLocked(string? alwaysPublish, Arrival? arrival = null)
    {
        if (_queued == 0)
        {
            return;
        }

        var position = 0;
        var ahead = WorkAheadLocked();
        foreach (var job in _line.InOrder())
        {
            position++;
            var wait = ahead.WaitFor(job.Provider, _options.ConcurrencyFor(job.Provider));
            ahead.Add(job.Provider, views.Typical(job.Spec.ModelId));
            if (arrival?.JobId == job.Id)
            {
                _positions[job.Id] = position;
                arrival.Shown = replies.PublishAsync(job.Reply, views.Queued(job, position, _queued, arrival.Note, wait));
            }
            else if (!_positions.TryGetValue(job.Id, out var old) || old != position || job.Id == alwaysPublish)
            {
                _positions[job.Id] = position;
                replies.Publish(job.Reply, views.Queued(job, position, _queued, wait: wait));
            }
        }
    }

    /// <summary>What the running jobs have left, per provider: the start of every queued job's wait.</summary>
    private WorkAhead WorkAheadLocked()
    {
        var ahead = new WorkAhead();
        foreach (var running in _running.Values)
        {
            ahead.Add(running.Job.Provider, views.Remaining(running.Job.Spec.ModelId, running.Started));
        }

        return ahead;
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

    private sealed class RunningJob(JobRecord job, CancellationTokenSource cancel)
    {
        public JobRecord Job { get; } = job;
        public CancellationTokenSource Cancel { get; } = cancel;
        public Task Task { get; set; } = Task.CompletedTask;
        public DateTimeOffset Started { get; init; }
    }

    /// <summary>A job being admitted, while <see cref="Add"/> holds the lock: whoever shows its first view records the wait here.</summary>
    private sealed class Arrival(string jobId, string? note)
    {
        public string JobId { get; } = jobId;
        public string? Note { get; } = note;
        public Task Shown { get; set; } = Task.CompletedTask;
    }
}
