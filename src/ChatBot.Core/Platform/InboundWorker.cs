namespace ChatBot.Core.Platform;

/// <summary>
/// The one way a platform adapter works off what it has acknowledged: a bounded queue (a full queue makes the
/// transport wait, it never drops an acknowledged event) and a loop that runs several handlers at once, so one slow
/// command never delays another's acknowledgement. A failing handler is logged and never stops the others; on
/// shutdown the loop stops taking work and waits for the handlers already running.
/// </summary>
/// <typeparam name="T">What the adapter queues: a raw gateway event, a Slack request, …</typeparam>
public sealed partial class InboundWorker<T>
{
    private readonly Channel<T> _channel;
    private readonly string _platform;
    private readonly Func<T, string> _describe;
    private readonly ILogger _logger;
    private int _running;
    private int _maxConcurrent = int.MaxValue;

    /// <param name="platform">The adapter's name, for the log.</param>
    /// <param name="capacity">Items that may wait before <see cref="EnqueueAsync"/> waits too.</param>
    /// <param name="describe">What kind of item it is, for the log (never its content).</param>
    /// <param name="logger">Where a failing handler is reported.</param>
    public InboundWorker(string platform, int capacity, Func<T, string> describe, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        _platform = platform;
        _describe = describe;
        _logger = logger;
    }

    /// <summary>Items waiting for a handler.</summary>
    public int Waiting => _channel.Reader.Count;

    /// <summary>Where an item queued now would wait: 0 while a handler slot is free, else its place in line (1 = next).</summary>
    public int PositionOfNext => Volatile.Read(ref _running) < Volatile.Read(ref _maxConcurrent) ? 0 : _channel.Reader.Count + 1;

    /// <summary>Queues an acknowledged item; waits only while the queue is full.</summary>
    public ValueTask EnqueueAsync(T item, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(item, cancellationToken);

    /// <summary>
    /// Runs <paramref name="handle"/> for every queued item, at most <paramref name="maxConcurrent"/> at once, until
    /// <paramref name="stoppingToken"/> fires; then waits for the running handlers and returns.
    /// </summary>
    public async Task RunAsync(Func<T, CancellationToken, Task> handle, int maxConcurrent, CancellationToken stoppingToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        using var slots = new SemaphoreSlim(maxConcurrent);
        Volatile.Write(ref _maxConcurrent, maxConcurrent);
        var running = new HashSet<Task>();
        try
        {
            await foreach (var item in _channel.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                Interlocked.Increment(ref _running);
                var task = HandleOneAsync(handle, item, slots, stoppingToken);
                lock (running)
                {
                    running.Add(task);
                }

                _ = task.ContinueWith(
                    done =>
                    {
                        lock (running)
                        {
                            running.Remove(done);
                        }
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: stop taking work, finish what runs.
        }

        Task[] pending;
        lock (running)
        {
            pending = [.. running];
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    private async Task HandleOneAsync(Func<T, CancellationToken, Task> handle, T item, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            // Off the reading loop at once, so a handler that is synchronous for a while never holds up the next item.
            await Task.Yield();
            await handle(item, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // One item's failure is logged; the worker keeps serving the others.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(_logger, ex, _platform, _describe(item));
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            slots.Release();
        }
    }

    [LoggerMessage(EventId = 1900, Level = LogLevel.Error, Message = "Handling a {Platform} {Kind} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string platform, string kind);
}
