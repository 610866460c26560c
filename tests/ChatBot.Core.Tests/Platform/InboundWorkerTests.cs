using ChatBot.Core.Platform;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Core.Tests.Platform;

public sealed class InboundWorkerTests
{
    private static InboundWorker<int> CreateSut(int capacity = 16) =>
        new("test", capacity, item => $"item {item}", NullLogger.Instance);

    [Fact]
    public async Task RunAsync_HandlerThrows_OtherItemsAreStillHandled()
    {
        var sut = CreateSut();
        var handled = new List<int>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var run = sut.RunAsync(
            (item, _) =>
            {
                if (item == 2)
                {
                    throw new InvalidOperationException("boom");
                }

                lock (handled)
                {
                    handled.Add(item);
                    if (handled.Count == 3)
                    {
                        all.TrySetResult();
                    }
                }

                return Task.CompletedTask;
            },
            maxConcurrent: 2,
            stop.Token);

        foreach (var item in new[] { 1, 2, 3, 4 })
        {
            await sut.EnqueueAsync(item, CancellationToken.None);
        }

        await all.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await run;

        handled.Order().ShouldBe([1, 3, 4]);
    }

    [Fact]
    public async Task RunAsync_SlowHandler_NextItemsRunBesideIt()
    {
        var sut = CreateSut();
        var slowMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fastDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var run = sut.RunAsync(
            async (item, _) =>
            {
                if (item == 1)
                {
                    await slowMayEnd.Task;
                }
                else
                {
                    fastDone.TrySetResult();
                }
            },
            maxConcurrent: 4,
            stop.Token);

        await sut.EnqueueAsync(1, CancellationToken.None);
        await sut.EnqueueAsync(2, CancellationToken.None);

        // The second item is handled while the first still runs.
        await fastDone.Task.WaitAsync(TimeSpan.FromSeconds(10));
        slowMayEnd.SetResult();
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_Stopping_WaitsForRunningHandlers()
    {
        var sut = CreateSut();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = false;
        using var stop = new CancellationTokenSource();
        var run = sut.RunAsync(
            async (_, _) =>
            {
                started.SetResult();
                await mayEnd.Task;
                ended = true;
            },
            maxConcurrent: 1,
            stop.Token);

        await sut.EnqueueAsync(1, CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();

        run.IsCompleted.ShouldBeFalse();
        mayEnd.SetResult();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        ended.ShouldBeTrue();
    }
}
