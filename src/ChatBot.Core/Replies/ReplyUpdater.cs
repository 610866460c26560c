using ChatBot.Core.Metrics;

namespace ChatBot.Core.Replies;

/// <summary>
/// The one writer of every job's reply: posts each view through the platform's <see cref="IChatReplies"/>,
/// the first included, paced: the first view at once, then at most one edit per reply per
/// <see cref="ReplyOptions.EditInterval"/>, always the newest state (intermediate states are
/// coalesced away), and the final state (a result or an ending) is never dropped. While a reply waits or runs
/// and nothing new comes, a timer re-sends its view moved on by the clock (<see cref="ReplyTick"/>) every
/// <see cref="ReplyOptions.TickInterval"/>, stretched when many replies of one platform tick at once.
/// </summary>
internal sealed partial class ReplyUpdater : IDisposable
{
    private readonly Dictionary<string, IChatReplies> _adapters;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<ReplyUpdater> _logger;
    private readonly ChatBotMetrics? _metrics;
    private readonly TimeSpan _tickInterval;
    private readonly int _tickBudget;
    private long _edits;
    private volatile bool _disposed;

    public ReplyUpdater(IEnumerable<IChatReplies> adapters, IOptions<ReplyOptions> options, TimeProvider time, ILogger<ReplyUpdater> logger, ChatBotMetrics? metrics = null)
    {
        _metrics = metrics;
        _adapters = adapters.ToDictionary(a => a.Platform, StringComparer.OrdinalIgnoreCase);
        _time = time;
        _interval = options.Value.EditInterval;
        _tickInterval = options.Value.TickInterval;
        _tickBudget = Math.Max(1, options.Value.TickBudget);
        _logger = logger;
    }

    /// <summary>Stops every reply's timer (the host is stopping); states still queued are sent.</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var entry in _entries.Values)
        {
            entry.StopTicking();
        }
    }

    /// <summary>
    /// The wait before a reply's next timer edit: the tick interval, times how many budgets the platform's ticking
    /// replies fill (20 replies on a budget of 5 tick every 4 intervals), never shorter than the edit interval.
    /// </summary>
    private TimeSpan TickDelay(string platform)
    {
        var ticking = _entries.Values.Count(e => e.Ticking && e.Platform.Equals(platform, StringComparison.OrdinalIgnoreCase));
        var stretch = Math.Max(1, (ticking + _tickBudget - 1) / _tickBudget);
        var delay = _tickInterval * stretch;
        return delay > _interval ? delay : _interval;
    }

    /// <summary>Platform calls made so far (benchmarks read it).</summary>
    public long EditsSent => Interlocked.Read(ref _edits);

    /// <summary>Replies with an edit waiting or in flight.</summary>
    public int Pending => _entries.Count;

    /// <summary>Queues an intermediate state. Returns at once; never throws.</summary>
    public void Publish(ReplyHandle handle, ReplyView view) => GetEntry(handle).Offer(new Work(view, null, null));

    /// <summary>
    /// Queues an intermediate state and completes when it has been sent, or superseded by a newer state
    /// before it was; never faults (a failed edit is logged, and the next state tries again).
    /// </summary>
    public Task PublishAsync(ReplyHandle handle, ReplyView view)
    {
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        GetEntry(handle).Offer(new Work(view, null, null, sent));
        return sent.Task;
    }

    /// <summary>Queues a final state and completes when it has been delivered (or has failed for good).</summary>
    public Task PublishFinalAsync(ReplyHandle handle, ReplyView view)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        GetEntry(handle).Offer(new Work(view, null, done));
        return done.Task;
    }

    /// <summary>Queues the result and completes when it has been posted (faulted when the platform refused it for good).</summary>
    public Task PostResultAsync(ReplyHandle handle, ResultView result)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        GetEntry(handle).Offer(new Work(null, result, done));
        return done.Task;
    }

    private Entry GetEntry(ReplyHandle handle) => _entries.GetOrAdd(handle.ToString(), _ => new Entry(this, handle));

    private async Task SendAsync(ReplyHandle handle, Work work)
    {
        if (!_adapters.TryGetValue(handle.Platform, out var adapter))
        {
            LogNoAdapter(_logger, handle.Platform);
            work.Complete();
            return;
        }

        try
        {
            Interlocked.Increment(ref _edits);
            _metrics?.ReplyEdit(handle.Platform);
            if (work.Result is { } result)
            {
                await adapter.PostResultAsync(handle, result, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await adapter.UpdateAsync(handle, work.View!, CancellationToken.None).ConfigureAwait(false);
            }

            work.Complete();
        }
#pragma warning disable CA1031 // A platform failure must not kill the job: it is logged and, for a final state, reported to the caller.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogEditFailed(_logger, ex, handle.Platform, work.View?.JobId ?? work.Result?.JobId ?? "?");
            work.Sent?.TrySetResult();
            work.Done?.TrySetException(ex);
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "No reply adapter is registered for platform {Platform}")]
    private static partial void LogNoAdapter(ILogger logger, string platform);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Editing the {Platform} reply of job {JobId} failed")]
    private static partial void LogEditFailed(ILogger logger, Exception exception, string platform, string jobId);

    /// <summary>The pacing state of one reply.</summary>
    private sealed class Entry(ReplyUpdater owner, ReplyHandle handle)
    {
        private readonly Lock _gate = new();
        private Work? _pending;
        private bool _busy;
        private bool _finished;
        private ITimer? _timer;
        private ITimer? _tick;
        private ReplyView? _tickBase;
        private DateTimeOffset _tickBaseAt;
        private DateTimeOffset _lastSent = DateTimeOffset.MinValue;

        public string Platform => handle.Platform;

        /// <summary>Waiting or running: its timer moves the view on while nothing else does.</summary>
        public bool Ticking => Volatile.Read(ref _tickBase) is not null;

        public void StopTicking()
        {
            lock (_gate)
            {
                _tick?.Dispose();
                _tick = null;
                _tickBase = null;
            }
        }

        public void Offer(Work work)
        {
            lock (_gate)
            {
                // A real state: the timer starts again from it, and a final state stops it.
                _tick?.Dispose();
                _tick = null;
                _tickBase = work.View is { IsFinal: false } view && !work.IsFinal ? view : null;
                _tickBaseAt = owner._time.GetUtcNow();
                if (_finished || (_pending?.IsFinal == true && !work.IsFinal))
                {
                    // A final state is queued or sent: later intermediate states are stale.
                    work.Sent?.TrySetResult();
                    return;
                }

                if (_pending is { IsFinal: true } superseded)
                {
                    // Two finals: the later wins, the earlier caller learns it was delivered through it.
                    _ = work.Done!.Task.ContinueWith(t => Mirror(t, superseded.Done!), TaskScheduler.Default);
                }
                else
                {
                    // A newer state replaces one not yet sent: whoever waited for that one is done waiting.
                    _pending?.Sent?.TrySetResult();
                }

                _pending = work;
                ScheduleLocked();
            }
        }

        private static void Mirror(Task source, TaskCompletionSource target)
        {
            if (source.Exception is { } ex)
            {
                target.TrySetException(ex.InnerExceptions);
            }
            else
            {
                target.TrySetResult();
            }
        }

        private void ScheduleLocked()
        {
            if (_busy || _timer is not null || _pending is null)
            {
                return;
            }

            var wait = _lastSent == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastSent + owner._interval - owner._time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                StartLocked();
                return;
            }

            _timer = owner._time.CreateTimer(static s => ((Entry)s!).OnTimer(), this, wait, Timeout.InfiniteTimeSpan);
        }

        private void ScheduleTickLocked()
        {
            if (owner._disposed || owner._tickInterval <= TimeSpan.Zero || _tickBase is null || _finished || _busy || _pending is not null || _tick is not null)
            {
                return;
            }

            _tick = owner._time.CreateTimer(static s => ((Entry)s!).OnTick(), this, owner.TickDelay(handle.Platform), Timeout.InfiniteTimeSpan);
        }

        private void OnTick()
        {
            lock (_gate)
            {
                _tick?.Dispose();
                _tick = null;
                if (owner._disposed || _tickBase is null || _finished || _busy || _pending is not null)
                {
                    return;
                }

                // Not through Offer: the base stays the last real state, so every tick counts from it.
                _pending = new Work(ReplyTick.Advance(_tickBase, owner._time.GetUtcNow() - _tickBaseAt), null, null);
                ScheduleLocked();
            }
        }

        private void OnTimer()
        {
            lock (_gate)
            {
                _timer?.Dispose();
                _timer = null;
                ScheduleLocked();
            }
        }

        private void StartLocked()
        {
            var work = _pending!;
            _pending = null;
            _busy = true;

            // Paced by when edits start: however long the platform takes to answer, two edits of one
            // reply never start less than an interval apart.
            _lastSent = owner._time.GetUtcNow();
            _ = Task.Run(() => RunAsync(work));
        }

        private async Task RunAsync(Work work)
        {
            await owner.SendAsync(handle, work).ConfigureAwait(false);
            lock (_gate)
            {
                _busy = false;
                if (work.IsFinal && _pending is null)
                {
                    _finished = true;
                    owner._entries.TryRemove(new KeyValuePair<string, Entry>(handle.ToString(), this));
                    return;
                }

                ScheduleLocked();
                ScheduleTickLocked();
            }
        }
    }
}
